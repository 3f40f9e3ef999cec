# ja — back office (officers)
err-taken = { $field }は既に使用されています。
