# en — My Number Card identity verification
