#!/bin/sh
# A device's own login program, as many IoT firmwares have instead of /bin/login: it asks for a user and
# a password, checks them against $CREDENTIALS ("user:password" lines), and after three failures in a
# row locks every login until $LOCKFILE is removed. It exits 2 when its console is gone (end of input),
# so a respawning loop around it can stop instead of spinning.
FAILS="${STATE:-/tmp}/fails"
LOCKFILE="${STATE:-/tmp}/locked"
printf 'ACME T1 console\r\n'
if [ -e "$LOCKFILE" ]; then
  printf 'Too many failed logins: console locked\r\n'
  exit 1
fi
user=
while [ -z "$user" ]; do
  printf 'login: '
  read -r user || exit 2
  user=$(printf '%s' "$user" | tr -d '\r')
done
stty -echo 2>/dev/null
printf 'Password: '
read -r password || exit 2
stty echo 2>/dev/null
printf '\r\n'
password=$(printf '%s' "$password" | tr -d '\r')
if grep -qx "$user:$password" "$CREDENTIALS"; then
  rm -f "$FAILS"
  printf 'Welcome\r\n# '
  exec sleep 5
fi
count=$(( $(cat "$FAILS" 2>/dev/null || echo 0) + 1 ))
echo "$count" > "$FAILS"
[ "$count" -ge 3 ] && touch "$LOCKFILE"
printf 'Login incorrect\r\n'
exit 1
