# zh-Hant — attachments and uploads (falls back to English key by key until translated)
