# 命令行界面（src/main.rs）的消息，使用终端的语言（LC_ALL、LC_MESSAGES、LANG）。
cli-error = sco-kg：错误：{ $message }
cli-error-file = { $path }：{ $detail }
cli-error-source = { $path }:{ $line }：{ $detail }
cli-error-internal = 内部错误：{ $detail }
cli-error-option = --{ $option }：{ $detail }
cli-error-query-syntax = 该查询不是有效的 SPARQL：{ $detail }
cli-error-query-evaluation = 无法回答该查询：{ $detail }
cli-error-timeout = --timeout { $seconds }：应为正的秒数
cli-error-at-least-one = --{ $option } 至少为 1
cli-error-lang = --lang“{ $lang }”：应为 ru、en 或 zh
cli-error-serve = 无法启动服务：{ $detail }
cli-server-listening = sco-kg：正在 { $url } 提供 { $triples } 个三元组（SPARQL 端点 { $url }/sparql），启动用时 { $ms } 毫秒
cli-server-public-url = sco-kg：公开地址 { $url }
cli-server-stopped = sco-kg：已停止。
