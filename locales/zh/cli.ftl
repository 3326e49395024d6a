# 命令行界面的消息。
cli-error = sco-kg：错误：{ $message }
cli-server-listening = sco-kg 正在 { $url } 提供 { $triples } 个三元组
cli-server-stopped = sco-kg 已停止。
