#!/bin/sh
# One connection (stdin/stdout) or datagram of a hostile device: hostile-serve.sh HOSTILITY PORT[/udp].
hostility="$1"; port="$2"
drain() { exec cat > /dev/null; }
case "$hostility/$port" in
  random-bytes/*/udp|handshake-cut/5684/udp|coap-liar/5683/udp) ;;
  */udp) exit 0 ;; # the datagram is ignored
esac
case "$hostility/$port" in
  silent/*|broker-flood/*|rebooting/*) drain ;;
  slow/*)
    # The start of a web page, then a login prompt, one byte a second.
    printf 'HTTP/1.1 200 OK\r\nServer: hostile\r\n\r\nlogin: ' > "/tmp/slow.$$"
    size=$(wc -c < "/tmp/slow.$$"); i=0
    while [ "$i" -lt "$size" ]; do
      dd if="/tmp/slow.$$" bs=1 skip="$i" count=1 2>/dev/null || break
      sleep 1; i=$((i + 1))
    done
    rm -f "/tmp/slow.$$"; drain ;;
  handshake-cut/8443|handshake-cut/8883)
    # Takes the ClientHello, sends a TLS record header promising a 74-byte ServerHello and six bytes of it, hangs up.
    dd bs=4096 count=1 of=/dev/null 2>/dev/null
    printf '\026\003\003\000\112\002\000\000\106\003\003' ;;
  handshake-cut/5684/udp)
    # A DTLS 1.2 handshake record header promising 23 bytes, and two of them.
    dd bs=4096 count=1 of=/dev/null 2>/dev/null
    printf '\026\376\375\000\000\000\000\000\000\000\000\000\027\003\000' ;;
  handshake-cut/*) ;; # hang up at once
  random-bytes/*/udp)
    dd bs=4096 count=1 of=/dev/null 2>/dev/null
    head -c $(( $(od -An -N2 -tu2 /dev/urandom) % 512 + 1 )) /dev/urandom ;;
  random-bytes/*)
    i=0; while [ "$i" -lt 64 ]; do head -c 4096 /dev/urandom || exit 0; sleep 0.05; i=$((i + 1)); done ;;
  garbage-console/4000)
    # A UART at the wrong baud rate: bytes with their high bit set (framing errors), no line ends.
    while :; do head -c 64 /dev/urandom | tr '\000-\177' '\200-\377' || exit 0; sleep 0.1; done ;;
  garbage-console/*) drain ;;
  coap-liar/5683/udp)
    # An ACK with the request's message id and one of three lies: no token for the request's, an option whose
    # length runs past the end of the message, or the reserved option delta 15.
    set -- $(dd bs=2048 count=1 2>/dev/null | od -An -N4 -tx1)
    [ $# -eq 4 ] || exit 0
    octal() { printf "\\$(printf '%03o' "0x$1")"; }
    printf '\140\105'; octal "$3"; octal "$4"
    case $(( $(od -An -N1 -tu1 /dev/urandom) % 3 )) in
      0) printf '\301\050\377</lie>' ;;
      1) printf '\275\310xy' ;;
      *) printf '\365' ;;
    esac ;;
  coap-liar/*) drain ;;
  *) drain ;;
esac
