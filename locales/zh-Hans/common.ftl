# zh-Hans — common (falls back to English key by key until translated)
