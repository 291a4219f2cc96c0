#!/usr/bin/env bash
# certbench side by side with the tools a lab would otherwise use, on the same target in one run.
# Installs the peers from Debian, starts the targets in a network namespace of its own (10.214.0.2),
# runs each pair alternately (a warm-up of each, then RUNS of each: certbench, peer, certbench, peer …),
# and writes results/latest.json and results/latest.md (median, min, max, ratio, same findings), then
# puts the table into the README. Needs root (network namespace, apt).
#
#   harness/benchmarks/run.sh            # RUNS=5 by default
#   RUNS=9 harness/benchmarks/run.sh
#   ROWS="login" KEEP=1 harness/benchmarks/run.sh   # one group of rows; keep the work folder to look into
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-5}"
rows="${ROWS:-tcp-scan tls-scan login coap-1000 engine-10k bundle campaign}"   # a subset, to look at one row
want() { case " $rows " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
work="$(mktemp -d /tmp/certbench-bench.XXXXXX)"
ns=cbbench
host_ip=10.214.0.1
device=10.214.0.2
export DEBIAN_FRONTEND=noninteractive

say() { echo "benchmarks: $*" >&2; }

# --- peers and targets, from Debian ------------------------------------------------------------------------
# busybox-static (for telnetd) takes the place of busybox, as on the CI machine.
packages=(nmap sslscan testssl.sh hydra libcoap3-bin openssl lighttpd lighttpd-mod-openssl socat iproute2 python3 coreutils procps
  vsftpd busybox-static login util-linux time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -q >/dev/null
  policy=/usr/sbin/policy-rc.d; created=no
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; created=yes; fi
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  [ "$created" = yes ] && rm -f "$policy"
fi

# --- certbench ----------------------------------------------------------------------------------------------
say "building certbench (benchmarks module and the CLI)"
(cd "$root" && ./mvnw -q -B -DskipTests install -pl harness/benchmarks,harness/cli -am)
touch "$root/harness/cli/target/certbench-cli.jar"
(cd "$root" && ./mvnw -q -B dependency:build-classpath -pl harness/benchmarks -Dmdep.outputFile="$work/classpath" >/dev/null)
cp="$root/harness/benchmarks/target/classes:$(cat "$work/classpath")"
job() { java -XX:+UseSerialGC -cp "$cp" org.certbench.benchmarks.Job "$@"; }

# --- the target device: its own network namespace ----------------------------------------------------------
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # A target started through a shell function is a grandchild of the pid above: end whatever runs in the namespace.
  ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  ip link del cbb0 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT INT TERM
ip netns del "$ns" 2>/dev/null || true
ip link del cbb0 2>/dev/null || true
ip netns add "$ns"
ip link add cbb0 type veth peer name cbb1
ip link set cbb1 netns "$ns"
ip addr add "$host_ip/30" dev cbb0; ip link set cbb0 up
ip netns exec "$ns" ip addr add "$device/30" dev cbb1
ip netns exec "$ns" ip link set cbb1 up
ip netns exec "$ns" ip link set lo up
in_ns() { ip netns exec "$ns" "$@"; }

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$device" -addext "subjectAltName=IP:$device" \
  -keyout "$work/device.key" -out "$work/device.crt" 2>/dev/null
cat "$work/device.key" "$work/device.crt" > "$work/device.pem"
mkdir -p "$work/www"; echo "<html><body>bench device</body></html>" > "$work/www/index.html"
cat > "$work/lighttpd.conf" <<CONF
server.document-root = "$work/www"
server.port = 443
server.bind = "$device"
server.modules = ("mod_openssl")
server.errorlog = "$work/lighttpd.log"
ssl.engine = "enable"
ssl.pemfile = "$work/device.pem"
ssl.openssl.ssl-conf-cmd = ("MinProtocol" => "TLSv1.2")
CONF
in_ns lighttpd -D -f "$work/lighttpd.conf" & pids+=($!)
for port in 22 80 1883 8080 8883; do
  in_ns socat "TCP-LISTEN:$port,bind=$device,fork,reuseaddr" SYSTEM:"echo bench" 2>/dev/null & pids+=($!)
done
in_ns coap-server-notls -A "$device" -p 5683 & pids+=($!)

# Login services for the credential rows: busybox telnetd with /bin/login, vsftpd, lighttpd with Basic. The device
# has a user of its own (passwd, shadow and a PAM stack bind-mounted in a mount namespace of the daemon's, the
# machine's own files untouched); failures are answered at once (pam_unix nodelay, no delay in vsftpd or lighttpd)
# so that both sides measure their own speed, not the device's penalty. /bin/login allows one try a connection:
# hydra's telnet module loses step with a login that asks again on the same connection (it found nothing).
secret="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
chmod 755 "$work"; mkdir -p "$work/home"
{ cat /etc/passwd; echo "owner:x:4242:4242:owner:$work/home:/bin/sh"; } > "$work/passwd"
{ cat /etc/shadow; echo "owner:$(openssl passwd -6 "$secret"):19000:0:99999:7:::"; } > "$work/shadow"
printf 'auth required pam_unix.so nodelay\naccount required pam_unix.so\nsession required pam_unix.so\n' > "$work/pam-plain"
sed 's/^LOGIN_RETRIES.*/LOGIN_RETRIES 1/' /etc/login.defs > "$work/login.defs"
mkdir -p /var/run/vsftpd/empty
printf '%s\n' listen=YES listen_port=21 "listen_address=$device" background=NO anonymous_enable=NO local_enable=YES \
  secure_chroot_dir=/var/run/vsftpd/empty seccomp_sandbox=NO pam_service_name=vsftpd delay_failed_login=0 check_shell=NO \
  max_login_fails=100 > "$work/vsftpd.conf"
with_user="mount --bind $work/passwd /etc/passwd && mount --bind $work/shadow /etc/shadow \
  && mount --bind $work/pam-plain /etc/pam.d/vsftpd && mount --bind $work/pam-plain /etc/pam.d/login \
  && mount --bind $work/login.defs /etc/login.defs && exec"
in_ns unshare --mount --propagation private sh -c "$with_user busybox telnetd -F -p 23 -b $device -l /bin/login" & pids+=($!)
in_ns unshare --mount --propagation private sh -c "$with_user vsftpd $work/vsftpd.conf" & pids+=($!)
mkdir -p "$work/www/admin"; echo admin > "$work/www/admin/index.html"
echo "owner:$secret" > "$work/http-users"
cat > "$work/lighttpd-auth.conf" <<CONF
server.document-root = "$work/www"
server.port = 8000
server.bind = "$device"
server.modules = ("mod_auth", "mod_authn_file")
index-file.names = ("index.html")
server.errorlog = "$work/lighttpd-auth.log"
server.feature-flags = ("auth.delay-invalid-creds" => "disable")
auth.backend = "plain"
auth.backend.plain.userfile = "$work/http-users"
auth.require = ("/admin/" => ("method" => "basic", "realm" => "bench", "require" => "valid-user"))
CONF
in_ns lighttpd -D -f "$work/lighttpd-auth.conf" & pids+=($!)
# 99 wrong passwords, the right one last; the same list for both sides.
{ for i in $(seq 1 99); do echo "wrong-$i"; done; echo "$secret"; } > "$work/passwords"
sed 's/^/owner:/' "$work/passwords" > "$work/credentials"
sleep 1

# --- pairs: certbench, peer, alternately -------------------------------------------------------------------
# pair NAME CERTBENCH-COMMAND PEER-COMMAND [RUNS]: output and wall time of each run under $work/NAME/.
pair() {
  local name="$1" ours="$2" theirs="$3" count="${4:-$runs}"
  mkdir -p "$work/$name"
  say "$name: warm-up, then $count runs of each, alternately"
  for i in $(seq 0 "$count"); do
    for side in certbench peer; do
      local command="$ours"; [ "$side" = peer ] && command="$theirs"
      local start end
      start=$(date +%s%N)
      local rc=0
      bash -c "$command" > "$work/$name/$side-$i.out" 2> "$work/$name/$side-$i.err" || rc=$?
      end=$(date +%s%N)
      echo "$rc" >> "$work/$name/$side.rc"
      [ "$i" -gt 0 ] && echo $(( (end - start) / 1000 )) >> "$work/$name/$side.us"
    done
  done
}

export -f job; export cp
want tcp-scan && pair tcp-scan "job scan $device" "nmap -sT -p- -T4 -n -Pn --open -oG - $device"
want tls-scan && pair tls-scan "job tls $device 443" "sslscan --no-colour --xml=- $device:443"
# The second scan: each side twice in a row (certbench in one JVM, as a campaign scans one device after another), so the
# second's time (median minus median) leaves out what the first pays once (the JVM's start and its compiler's first
# work; nmap's and sslscan's process start). The peer prints the second run's findings.
want tcp-scan && pair tcp-scan-2 "job scan $device 2" \
  "nmap -sT -p- -T4 -n -Pn --open -oG - $device >/dev/null && nmap -sT -p- -T4 -n -Pn --open -oG - $device"
# A TLS scan inside a running JVM takes tens of milliseconds, less than a JVM start varies: ten in a row, so that
# (run of ten − run of one) ÷ 9 measures the scans and not the noise.
want tls-scan && pair tls-scan-10 "job tls $device 443 10" \
  "for i in \$(seq 9); do sslscan --no-colour --xml=- $device:443 >/dev/null || exit 1; done; sslscan --no-colour --xml=- $device:443"
# testssl.sh for scale: each cipher per protocol (-E), fast mode; a run takes many seconds, so TESTSSL_RUNS of each (default 3).
want tls-scan && pair tls-testssl "job tls $device 443" \
  "rm -f $work/testssl.json; testssl --fast --quiet --color 0 --warnings off -E --jsonfile $work/testssl.json $device:443 >/dev/null; cat $work/testssl.json" \
  "${TESTSSL_RUNS:-3}"
# The same parallelism on both sides: 4 connections at once (hydra -t 4), stopping at the first credential found.
if want login; then
  for service in "telnet 23 /" "ftp 21 /" "http 8000 /admin/"; do
    set -- $service
    peer="hydra -l owner -P $work/passwords -t 4 -f -I -s $2 $device"
    case "$1" in http) peer="$peer http-get $3" ;; *) peer="$peer $1" ;; esac
    pair "login-$1" "job login $1 $device $2 $3 $work/credentials 4" "cd $work && $peer"
  done
fi
want coap-1000 && pair coap-1000 "job coap $device 5683 1000" \
  "for i in \$(seq 1000); do coap-client-notls -m get -B 5 coap://$device/.well-known/core >/dev/null || exit 1; done; echo 1000"
# Throughput: the same on 2,000 GETs; the second thousand's time (median minus median) is each side's request rate,
# the fixed costs (certbench's JVM and Californium start; nothing for the loop, which pays per request) left out.
want coap-1000 && pair coap-2000 "job coap $device 5683 2000" \
  "for i in \$(seq 2000); do coap-client-notls -m get -B 5 coap://$device/.well-known/core >/dev/null || exit 1; done; echo 2000"

want engine-10k && pair engine-10k "job engine 100" "job jupiter"

# A real bundle: certbench run against the target (5.6-1), then 1 GiB of evidence beside its own.
if want bundle; then
export CERTBENCH_KEYSTORE_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
job keys "$work/keys" > /dev/null
cat > "$work/device.yaml" <<YAML
certbench: 1
device: { id: bench-device, manufacturer: certbench benchmarks, model: namespace host, firmware: "1.0" }
interfaces:
  network:
    host: $device
    ports:
      - { port: 22, transport: tcp, service: ssh }
      - { port: 80, transport: tcp, service: http }
      - { port: 443, transport: tcp, service: https }
      - { port: 1883, transport: tcp, service: mqtt }
      - { port: 8080, transport: tcp, service: http }
      - { port: 8883, transport: tcp, service: mqtts }
YAML
"$root/certbench" run --device "$work/device.yaml" --provision 5.6-1 --assessment functional --unattended \
  --out "$work/bundle" > "$work/run.log" 2>&1 || true
mkdir -p "$work/bundle/evidence/bench-1gib"
for i in $(seq 1 16); do head -c $((64 << 20)) /dev/urandom > "$work/bundle/evidence/bench-1gib/capture-$i.bin"; done
rm -f "$work/bundle/MANIFEST.sha256" "$work/bundle/MANIFEST.sha256.p7s"
files="find $work/bundle -type f ! -name 'MANIFEST.sha256*' -print0"
pair sign-1gib "java -Xmx256m -XX:+UseSerialGC -cp $cp org.certbench.benchmarks.Job sign $work/bundle $work/keys/lab-signing.p12" \
  "$files | xargs -0 openssl dgst -sha256 | wc -l"
pair verify-1gib "java -Xmx256m -XX:+UseSerialGC -cp $cp org.certbench.benchmarks.Job verify $work/bundle $work/keys/lab-ca.pem" \
  "$files | xargs -0 openssl dgst -sha256 | wc -l"
pair sha256sum-1gib "java -Xmx256m -XX:+UseSerialGC -cp $cp org.certbench.benchmarks.Job verify $work/bundle $work/keys/lab-ca.pem" \
  "cd $work/bundle && sha256sum -c --quiet MANIFEST.sha256 && echo ok"
# Throughput: the same pairs on 2 GiB (16 more names, hard links to the same captures, so the page cache holds one
# GiB either way). The second GiB's time, median minus median, is each side's throughput, the fixed costs (JVM start,
# key, report schema; process start) left out on both sides.
for i in $(seq 1 16); do ln "$work/bundle/evidence/bench-1gib/capture-$i.bin" "$work/bundle/evidence/bench-1gib/capture-$((i + 16)).bin"; done
pair sign-2gib "java -Xmx256m -XX:+UseSerialGC -cp $cp org.certbench.benchmarks.Job sign $work/bundle $work/keys/lab-signing.p12" \
  "$files | xargs -0 openssl dgst -sha256 | wc -l"
pair verify-2gib "java -Xmx256m -XX:+UseSerialGC -cp $cp org.certbench.benchmarks.Job verify $work/bundle $work/keys/lab-ca.pem" \
  "$files | xargs -0 openssl dgst -sha256 | wc -l"
fi

# Rows 6, 7, 9: the full EN 303 645 campaign on 1, 4 and 16 copies of the flawed in-JVM device at once (no peer: a
# lab's alternative is a person). One JVM, -Xmx512m: its GC log gives the peak heap (devices and lab broker included),
# GNU time the peak resident memory. CAMPAIGN_RUNS rounds of 1, 4, 16, interleaved (default 1: a round is minutes).
if want campaign; then
  mkdir -p "$work/campaign"
  for round in $(seq 1 "${CAMPAIGN_RUNS:-1}"); do
    for devices in 1 4 16; do
      name="$devices-$round"
      say "campaign: $devices device(s), round $round"
      /usr/bin/time -f '%M' -o "$work/campaign/$name.rss" java -Xmx512m -XX:+UseSerialGC -Xlog:gc:file="$work/campaign/$name.gc" \
        -cp "$cp" org.certbench.benchmarks.Job campaign "$devices" "$work/campaign/$name" \
        > "$work/campaign/$name.json" 2> "$work/campaign/$name.err" || echo "exit $?" >> "$work/campaign/$name.err"
    done
  done
fi

mkdir -p "$here/results"
python3 "$here/summarize.py" "$work" "$runs" "$here/results/latest.json" "$here/results/latest.md"
python3 - "$root/README.md" "$here/results/latest.md" <<'PY'
import sys, re
readme, table = open(sys.argv[1]).read(), open(sys.argv[2]).read()
start, end = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"
if start in readme:
    readme = re.sub(re.escape(start) + ".*?" + re.escape(end), start + "\n" + table + end, readme, flags=re.S)
    open(sys.argv[1], "w").write(readme)
PY
cat "$here/results/latest.md"
