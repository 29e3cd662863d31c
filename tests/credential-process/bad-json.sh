#!/bin/sh
# Truncated JSON that holds a secret: the error must not repeat it.
printf '{"Version": 1, "AccessKeyId": "AKIDBAD", "SecretAccessKey": "SUPERSECRETVALUE"'
