# ko — procedures
