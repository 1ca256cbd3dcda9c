#!/usr/bin/env bash
# The browser tests' Chromium (playwright.config.ts): Debian's, with its omnibox popup off.
# Playwright opens a window per test, and Chromium 15x builds each window's omnibox popup (two
# WebUI pages, in a renderer process of their own) although a test never shows it: about a second
# of CPU per test, a fifth of the suite on 2 cores. Chromium keeps only the last --disable-features
# it is given, so the features Playwright turns off are merged into one switch with these two.
off=WebUIOmniboxPopup,WebUIOmniboxAimPopup
args=()
for arg in "$@"; do
  case $arg in
    --disable-features=*) off+=",${arg#--disable-features=}" ;;
    *) args+=("$arg") ;;
  esac
done
exec "$TEST_CHROMIUM" "${args[@]}" "--disable-features=$off"
