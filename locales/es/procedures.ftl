# es — procedures
