#!/bin/sh
# A hostile device: the secure device's ports (HTTPS 8443, MQTTS 8883, console 4000, status 7070, CoAPS 5684/udp;
# the CoAP liar plain HTTP 8080, MQTT 1883, telnet 2323 and CoAP 5683/udp too), each broken as CERTBENCH_HOSTILITY
# says, the same ways as the in-JVM hostile devices (lab-setup's HostileDevice):
#   silent  slow  handshake-cut  random-bytes  broker-flood  coap-liar  garbage-console  rebooting
# Each connection or datagram is served by hostile-serve.sh. A rebooting device says nothing while it is up; its power is
# cut from outside (lab-setup's ContainerBench kills the container every few seconds and starts it again).
set -eu
log() { echo "certbench-dut: $*" >&2; }
hostility="${CERTBENCH_HOSTILITY:?hostility missing}"
ip="$(hostname -i 2>/dev/null | awk '{print $1}')"
tcp_ports="8443 8883 4000 7070"
udp_ports="5684"
if [ "$hostility" = coap-liar ]; then tcp_ports="$tcp_ports 8080 1883 2323"; udp_ports="$udp_ports 5683"; fi

up() {
  for port in $tcp_ports; do
    socat TCP-LISTEN:"$port",fork,reuseaddr EXEC:"/usr/local/sbin/hostile-serve.sh $hostility $port" &
  done
  for port in $udp_ports; do
    socat UDP4-RECVFROM:"$port",fork EXEC:"/usr/local/sbin/hostile-serve.sh $hostility $port/udp" &
  done
}

# MQTT PUBLISHes at the lab broker, about 5,000 a second (a flood, not a CPU hog on a two-core bench), again after
# each drop. The lab broker's address arrives as a file once the bench has started it.
flood() {
  while [ ! -s /etc/certbench/broker.env ]; do sleep 0.2; done
  . /etc/certbench/broker.env
  while :; do
    while :; do seq 50; sleep 0.01; done | mosquitto_pub -h "$CERTBENCH_BROKER_HOST" -p "$CERTBENCH_BROKER_PORT" \
      -i virtual-hostile-broker-flood -t flood/hostile -l 2>/dev/null || true
    sleep 0.2
  done
}

up
if [ "$hostility" = broker-flood ]; then flood & fi
log "${CERTBENCH_DEVICE_ID:-hostile} up on ${ip} (hostile: ${hostility})"
trap 'pkill -KILL socat 2>/dev/null; kill $(jobs -p) 2>/dev/null; exit 0' TERM INT
wait
