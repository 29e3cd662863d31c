#!/bin/sh
# Reads its key id from the environment it was given.
printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "s"}\n' "${AMIGO_TEST_KEY_ID:-unset}"
