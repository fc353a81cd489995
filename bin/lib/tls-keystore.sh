#!/bin/sh
# Makes the server's TLS key store when it does not exist yet: a self-signed RSA certificate made
# with the JDK's keytool, valid for one year, for the server's host name and the local addresses
# (subject alternative names DNS:<host>, DNS:localhost, IP:127.0.0.1; browsers ignore the CN).
# A site replaces it with a certificate from its own CA (same file, same password).
# usage: tls-keystore.sh KEYSTORE PASSWORD HOSTNAME
set -eu
keystore=$1 password=$2 host=$3

[ -f "$keystore" ] && exit 0
case "$host" in
    ''|*[!A-Za-z0-9.-]*) echo "tls-keystore: EBR_TLS_HOSTNAME '$host' is not a host name such as ebr.plant.example" >&2; exit 2 ;;
esac
keytool=keytool
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ] && keytool="$JAVA_HOME/bin/keytool"
case "$host" in
    localhost) san="DNS:localhost,IP:127.0.0.1" ;;
    *[!0-9.]*) san="DNS:$host,DNS:localhost,IP:127.0.0.1" ;;
    127.0.0.1) san="DNS:localhost,IP:127.0.0.1" ;;
    *) san="IP:$host,DNS:localhost,IP:127.0.0.1" ;;
esac
mkdir -p "$(dirname "$keystore")"
"$keytool" -genkeypair -noprompt -alias server -keyalg RSA -keysize 3072 -sigalg SHA256withRSA -validity 365 \
    -dname "CN=$host, O=OpenEBR self-signed" -ext "SAN=$san" -ext "EKU=serverAuth" -ext "KU=digitalSignature,keyEncipherment" \
    -storetype PKCS12 -keystore "$keystore" -storepass "$password" >/dev/null
chmod 600 "$keystore"
echo "TLS key store created: $keystore (self-signed for $san, valid one year)"
