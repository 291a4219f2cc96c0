#!/bin/sh
# The device's status service, run by socat for each connection: a line in, "ok <device id>" out.
# With the fragile-input flaw its parser cannot take a line over 256 bytes and brings the whole
# service down (the listening socat, SOCAT_PPID), as a crashing daemon would.
IFS= read -r line || true
if [ "${CERTBENCH_FRAGILE:-no}" = yes ] && [ "${#line}" -gt 256 ]; then
  echo "certbench-dut: status service crashed on a ${#line}-byte line" >&2
  kill "${SOCAT_PPID}"
  exit 1
fi
echo "ok ${CERTBENCH_DEVICE_ID}"
