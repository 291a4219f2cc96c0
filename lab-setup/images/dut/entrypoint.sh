#!/bin/sh
# Starts the device's services as its variant says. Environment:
#   CERTBENCH_DEVICE_ID       device id (client id on the lab broker)
#   CERTBENCH_FLAWS           comma-separated: default-password plaintext anonymous-mqtt debug-port root-console accepts-any-broker-cert
#                             weak-tls docs-behind-login chatty-banner fragile-input no-lockout open-config reconnect-storm
#                             shared-key
#   CERTBENCH_OWNER_PASSWORD  the owner account's unique password
#   CERTBENCH_PSK             the CoAP DTLS pre-shared key (its identity is the device id)
#   CERTBENCH_HOSTILITY       set: a hostile device instead (hostile.sh), none of the above
# The lab broker comes later, as files: see uplink.sh.
set -eu
has() { case ",${CERTBENCH_FLAWS:-}," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
log() { echo "certbench-dut: $*" >&2; }
# A hostile device serves broken answers only (hostile.sh).
if [ -n "${CERTBENCH_HOSTILITY:-}" ]; then exec /usr/local/sbin/hostile.sh; fi
: "${CERTBENCH_DEVICE_ID:=virtual-device}"
: "${CERTBENCH_OWNER_PASSWORD:?owner password missing}"
: "${CERTBENCH_PSK:?CoAP PSK missing}"
mkdir -p /etc/certbench
ip="$(hostname -i 2>/dev/null | awk '{print $1}')"

# Accounts: the owner's unique password; the factory default admin/admin only with that flaw.
echo "owner:${CERTBENCH_OWNER_PASSWORD}" | chpasswd
if has default-password; then
  id admin >/dev/null 2>&1 || useradd -m -s /bin/sh admin
  echo "admin:admin" | chpasswd
fi

# The device's own TLS certificate, made on first boot; its key too, unless shared-key: then the firmware image's.
# certificate NAME KEYSPEC FIRMWARE-KEY: /etc/certbench/NAME.key, .crt and .pem (key and certificate, for lighttpd).
certificate() {
  umask 077
  if has shared-key; then cp "/usr/local/share/certbench/$3" "/etc/certbench/$1.key"
  else openssl genpkey $2 -out "/etc/certbench/$1.key" 2>/dev/null; fi
  openssl req -x509 -key "/etc/certbench/$1.key" -days 30 -subj "/CN=${CERTBENCH_DEVICE_ID}" -addext "subjectAltName=IP:${ip}" \
    -out "/etc/certbench/$1.crt" 2>/dev/null
  cat "/etc/certbench/$1.key" "/etc/certbench/$1.crt" > "/etc/certbench/$1.pem"
  umask 022; chmod 644 "/etc/certbench/$1.crt"
}
certificate device "-algorithm EC -pkeyopt ec_paramgen_curve:P-256" firmware-ec.key
# With weak-tls the web server has a 1024-bit RSA key instead, and speaks TLS 1.0 and legacy suites too.
web_pem=/etc/certbench/device.pem
if has weak-tls; then
  certificate weak "-algorithm RSA -pkeyopt rsa_keygen_bits:1024" firmware-rsa1024.key
  web_pem=/etc/certbench/weak.pem
fi

# What the device says before anyone logs in: nothing about its software, unless it has chatty-banner.
version_banner="virtual device ${CERTBENCH_DEVICE_ID}: firmware 1.4.2, Linux $(uname -r), lighttpd 1.4.69"
if has chatty-banner; then echo "${version_banner}" > /etc/issue.net; server_tag="lighttpd/1.4.69 (firmware 1.4.2)"
else echo "virtual device" > /etc/issue.net; server_tag="virtual-device"; fi

# HTTP(S): lighttpd, basic auth on /admin (and on the published documents with docs-behind-login) against the same accounts.
mkdir -p /var/www/device/admin /var/www/device/.well-known
echo "<html><body><h1>Virtual device</h1><p><a href=\"/admin/\">Administration</a></p></body></html>" > /var/www/device/index.html
echo "<html><body><h1>Settings</h1><p>firmware 1.4.2</p></body></html>" > /var/www/device/admin/index.html
printf 'Contact: mailto:security@certbench.invalid\nPolicy: https://certbench.invalid/disclosure\n' > /var/www/device/.well-known/security.txt
{ echo "owner:${CERTBENCH_OWNER_PASSWORD}"; if has default-password; then echo "admin:admin"; fi; } > /etc/lighttpd/users
chmod 640 /etc/lighttpd/users; chgrp www-data /etc/lighttpd/users
# Brute-force protection (the lockout script's counters; no-lockout turns it off).
mkdir -p /run/certbench-lockout; chown www-data /run/certbench-lockout
lockout=on; if has no-lockout; then lockout=off; touch /etc/certbench/lockout-off; fi
if [ "${lockout}" = on ]; then
  # Console and telnet logins (/bin/login, PAM): pam_faillock, five failures lock the account for 60 s.
  printf 'deny = 5\nunlock_time = 60\ndir = /run/faillock\n' > /etc/security/faillock.conf
  cat > /etc/pam.d/common-auth <<'PAM'
auth    required                        pam_faillock.so preauth
auth    [success=1 default=ignore]      pam_unix.so nullok
auth    [default=die]                   pam_faillock.so authfail
auth    sufficient                      pam_faillock.so authsucc
auth    requisite                       pam_deny.so
auth    required                        pam_permit.so
PAM
  printf 'account required pam_faillock.so\n' >> /etc/pam.d/common-account
fi
cat > /etc/lighttpd/device.conf <<CONF
server.modules = ("mod_magnet", "mod_auth", "mod_authn_file", "mod_openssl", "mod_cgi")
magnet.attract-raw-url-to = ("/etc/lighttpd/lockout.lua")
server.document-root = "/var/www/device"
server.username = "www-data"
server.groupname = "www-data"
index-file.names = ("index.html")
mimetype.assign = (".html" => "text/html", ".txt" => "text/plain")
server.port = 8443
server.tag = "${server_tag}"
ssl.engine = "enable"
ssl.pemfile = "${web_pem}"
auth.backend = "plain"
auth.backend.plain.userfile = "/etc/lighttpd/users"
auth.require = ("/admin" => ("method" => "basic", "realm" => "virtual-device", "require" => "valid-user"))
\$HTTP["url"] == "/api/config" { cgi.assign = ("" => "") }
CONF
if ! has open-config; then
  printf 'auth.require += ("/api" => ("method" => "basic", "realm" => "virtual-device", "require" => "valid-user"))\n' >> /etc/lighttpd/device.conf
fi
if has docs-behind-login; then
  printf 'auth.require += ("/docs" => ("method" => "basic", "realm" => "virtual-device", "require" => "valid-user"))\n' >> /etc/lighttpd/device.conf
fi
if has weak-tls; then
  printf 'ssl.openssl.ssl-conf-cmd = ("MinProtocol" => "TLSv1", "CipherString" => "ALL:@SECLEVEL=0")\n' >> /etc/lighttpd/device.conf
fi
if has plaintext; then
  printf '$SERVER["socket"] == ":8080" { ssl.engine = "disable" }\n' >> /etc/lighttpd/device.conf
fi
lighttpd -D -f /etc/lighttpd/device.conf &

# MQTT: mosquitto, TLS always, plain only with that flaw; anonymous only with that flaw.
echo "owner:${CERTBENCH_OWNER_PASSWORD}" > /etc/certbench/mqtt-users; chmod 600 /etc/certbench/mqtt-users
chown mosquitto /etc/certbench/mqtt-users /etc/certbench/device.key /etc/certbench/device.crt
anonymous=false; if has anonymous-mqtt; then anonymous=true; fi
{
  echo "per_listener_settings false"
  echo "persistence false"
  echo "log_dest stderr"
  echo "allow_anonymous ${anonymous}"
  echo "plugin /usr/local/lib/certbench_lockout.so"
  echo "plugin_opt_users /etc/certbench/mqtt-users"
  echo "plugin_opt_lockout ${lockout}"
  echo "listener 8883 0.0.0.0"
  echo "certfile /etc/certbench/device.crt"
  echo "keyfile /etc/certbench/device.key"
  if has plaintext; then echo "listener 1883 0.0.0.0"; fi
} > /etc/mosquitto/device.conf
mosquitto -c /etc/mosquitto/device.conf &

# CoAP: libcoap's server on loopback (it always opens TCP and plain UDP too); socat relays only the declared ports.
coap-server-openssl -A 127.0.0.1 -p 5683 -k "${CERTBENCH_PSK}" -h "${CERTBENCH_DEVICE_ID}" -v 0 &
socat UDP4-LISTEN:5684,fork,reuseaddr UDP4:127.0.0.1:5684 &
if has plaintext; then socat UDP4-LISTEN:5683,fork,reuseaddr UDP4:127.0.0.1:5683 & fi

# Console as ser2net would give it (raw TCP): a login, or a root shell with that flaw.
greeting="cat /etc/issue.net"
if has root-console; then
  socat TCP-LISTEN:4000,fork,reuseaddr SYSTEM:"${greeting}; exec /bin/sh -i",pty,stderr,setsid,sigint,sane &
else
  socat TCP-LISTEN:4000,fork,reuseaddr SYSTEM:"${greeting}; exec /bin/login",pty,stderr,setsid,sigint,sane &
fi
if has plaintext; then busybox telnetd -F -p 2323 -l /bin/login & fi
if has debug-port; then
  socat TCP-LISTEN:9999,fork,reuseaddr EXEC:/usr/local/sbin/debug-shell.sh,pty,stderr,setsid &
fi

# The status service (TCP 7070): a line in, "ok <id>" out; with fragile-input a long line crashes it.
fragile=no; if has fragile-input; then fragile=yes; fi
CERTBENCH_FRAGILE="${fragile}" socat TCP-LISTEN:7070,fork,reuseaddr EXEC:/usr/local/sbin/status.sh,stderr &

# The device's MQTT client, reporting to the lab broker.
/usr/local/sbin/uplink.sh &
log "${CERTBENCH_DEVICE_ID} up on ${ip} (flaws: ${CERTBENCH_FLAWS:-none})"
trap 'kill $(jobs -p) 2>/dev/null; exit 0' TERM INT
wait
