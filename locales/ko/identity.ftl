# ko — My Number Card identity verification (falls back to English key by key until translated)
