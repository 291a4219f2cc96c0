#!/bin/sh
# The debug-port flaw's factory test shell: a root shell for whoever connects to TCP 9999.
echo "debug shell (factory test build)"
exec /bin/sh -i
