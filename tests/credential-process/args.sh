#!/bin/sh
# Echoes its arguments in AccessKeyId, to show how the command line was
# split and that no shell interpreted it. Arguments must not hold " or \.
printf '{"Version": 1, "AccessKeyId": "%s|%s|%s", "SecretAccessKey": "s"}\n' "$#" "$1" "$2"
