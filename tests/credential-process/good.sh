#!/bin/sh
# A credential_process that works: temporary credentials, valid for ages.
cat <<'JSON'
{
  "Version": 1,
  "AccessKeyId": "AKIDPROCESS",
  "SecretAccessKey": "secretfromprocess",
  "SessionToken": "tokenfromprocess",
  "Expiration": "2999-01-01T00:00:00Z"
}
JSON
