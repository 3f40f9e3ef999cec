# ja — back office (officers)
