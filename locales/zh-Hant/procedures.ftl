# zh-Hant — procedures
