#!/bin/sh
# A stand-in for a U-Boot console (see the serial probe test): the banner, the autoboot countdown a key
# interrupts, then the "=> " prompt that answers commands, as an unprotected bootloader does.
printf '\r\nU-Boot 2023.01 (Jan 10 2023 - 12:00:00 +0000)\r\n\r\nDRAM:  256 MiB\r\nHit any key to stop autoboot:  3 '
read -r _
printf '\r\n=> '
while read -r command; do
  printf '%s\r\nUnknown command - try '"'"'help'"'"'\r\n=> ' "$command"
done
