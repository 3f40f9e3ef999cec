# vi — procedures
