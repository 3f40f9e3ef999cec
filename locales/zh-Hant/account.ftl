# zh-Hant — account (falls back to English key by key until translated)
