#!/bin/sh
printf '{"Version": 1, "AccessKeyId": "AKIDEXPIRED", "SecretAccessKey": "s", "SessionToken": "t", "Expiration": "2000-01-01T00:00:00Z"}\n'
