#!/bin/sh
# A lot of stderr: the error quotes only the start of it.
i=0
while [ $i -lt 2000 ]; do
  echo "noisy line $i with some text to make it long enough" >&2
  i=$((i + 1))
done
exit 2
