# zh-Hans — procedures
