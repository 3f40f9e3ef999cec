# zh-Hans — mail (falls back to English key by key until translated)
