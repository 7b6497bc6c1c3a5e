#!/usr/bin/env bash
# Starts Debian's Chromium for the tests with every --disable-features value merged into one switch:
# Chromium reads only the last one, so adding ours would silently drop Playwright's own list.
# Ours: the omnibox pop-ups that a new window preloads as two more renderer processes, in every
# browser context a test opens, although a headless test never shows an address bar.
features="WebUIOmniboxPopup,WebUIOmniboxAimPopup"
args=()
for arg in "$@"; do
	case "$arg" in
	--disable-features=*) features="$features,${arg#--disable-features=}" ;;
	*) args+=("$arg") ;;
	esac
done
exec "${CHROMIUM_PATH:-/usr/bin/chromium}" "--disable-features=$features" "${args[@]}"
