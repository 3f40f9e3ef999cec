# tl — procedures
