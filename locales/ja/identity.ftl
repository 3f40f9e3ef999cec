# ja — My Number Card identity verification
