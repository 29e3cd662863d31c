#!/bin/sh
printf '{"AccessKeyId": "AKIDNOVERSION", "SecretAccessKey": "secretnoversion"}\n'
