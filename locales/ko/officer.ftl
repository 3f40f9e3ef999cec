# ko — back office (officers) (falls back to English key by key until translated)
