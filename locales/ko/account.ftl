# ko — account (falls back to English key by key until translated)
