#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing:
# chromium (real-browser tests, PDF handouts) and CJK fonts (Chinese labels in screenshots and PNGs).
set -euo pipefail
packages=(chromium fonts-noto-cjk fonts-droid-fallback)
need=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "missing: ${need[*]} — install them with your package manager (Debian/Ubuntu: apt-get install ${need[*]})" >&2
  exit 1
fi
echo "installing Debian packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
