#!/bin/sh
# The device's MQTT client: telemetry to the lab broker every 3 s, and a connection to the rogue
# listener every 5 s, as a device would make once the lab points its broker name there.
set -u
has() { case ",${CERTBENCH_FLAWS:-}," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
# The bench hands over the lab broker once it runs (its address exists only after the first device's start):
# /etc/certbench/broker.env sets CERTBENCH_BROKER_HOST, _PORT, _TLS_PORT and CERTBENCH_ROGUE_PORT, beside broker-ca.pem.
while [ ! -s /etc/certbench/broker.env ] || [ ! -s /etc/certbench/broker-ca.pem ]; do sleep 0.5; done
. /etc/certbench/broker.env
id="${CERTBENCH_DEVICE_ID}"
# A CONNECT (MQTT 3.1.1, user owner, with password) for the client that does not check certificates.
connect_packet() {
  payload_len=$((2 + ${#id} + 2 + 5 + 2 + ${#CERTBENCH_OWNER_PASSWORD}))
  printf "\\020\\$(printf '%03o' $((10 + payload_len)))\\000\\004MQTT\\004\\302\\000\\074"
  printf "\\000\\$(printf '%03o' ${#id})%s" "$id"
  printf "\\000\\005owner"
  printf "\\000\\$(printf '%03o' ${#CERTBENCH_OWNER_PASSWORD})%s" "$CERTBENCH_OWNER_PASSWORD"
}
tick=0
# When the broker turns it away the device backs off, 1 s doubling to 5 min; reconnect-storm retries every 0.1 s.
backoff=1
while true; do
  # occupancy (whether someone is home) is personal data: the profile declares it sent (5.8-1)
  message="{\"device\":\"${id}\",\"temperature\":21.5,\"occupied\":true}"
  if has plaintext; then
    mosquitto_pub -h "$CERTBENCH_BROKER_HOST" -p "$CERTBENCH_BROKER_PORT" -i "$id" -u owner -P "$CERTBENCH_OWNER_PASSWORD" \
      -t "devices/${id}/telemetry" -m "$message" 2>/dev/null
  else
    mosquitto_pub -h "$CERTBENCH_BROKER_HOST" -p "$CERTBENCH_BROKER_TLS_PORT" --cafile /etc/certbench/broker-ca.pem \
      -i "$id" -u owner -P "$CERTBENCH_OWNER_PASSWORD" -t "devices/${id}/telemetry" -m "$message" 2>/dev/null
  fi
  sent=$?
  if [ "$sent" -ne 0 ]; then
    if has reconnect-storm; then sleep 0.1; else sleep "$backoff"; backoff=$((backoff * 2 > 300 ? 300 : backoff * 2)); fi
    continue
  fi
  backoff=1
  if [ $((tick % 2)) -eq 0 ] && [ -n "${CERTBENCH_ROGUE_PORT:-}" ]; then
    if has accepts-any-broker-cert; then
      # openssl s_client goes on whatever the certificate: a client that checks nothing.
      { connect_packet; sleep 1; } | timeout 5 openssl s_client -quiet -connect "${CERTBENCH_BROKER_HOST}:${CERTBENCH_ROGUE_PORT}" >/dev/null 2>&1
    else
      mosquitto_pub -h "$CERTBENCH_BROKER_HOST" -p "$CERTBENCH_ROGUE_PORT" --cafile /etc/certbench/broker-ca.pem \
        -i "$id" -u owner -P "$CERTBENCH_OWNER_PASSWORD" -t "devices/${id}/telemetry" -m "$message" 2>/dev/null
    fi
  fi
  tick=$((tick + 1))
  sleep 3
done
