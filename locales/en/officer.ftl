# en — back office (officers)
