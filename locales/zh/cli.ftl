# 命令行界面（src/main.rs）的消息，使用终端的语言（LC_ALL、LC_MESSAGES、LANG）。
cli-error = sco-kg：错误：{ $message }
cli-error-file = { $path }：{ $detail }
cli-error-source = { $path }:{ $line }：{ $detail }
cli-error-internal = 内部错误：{ $detail }
cli-error-option = --{ $option }：{ $detail }
cli-error-query-evaluation = 无法回答该查询：{ $detail }
cli-error-query-timeout = 查询运行超过 { $seconds } 秒，已被停止；请缩小查询范围，或用 --timeout 给予更多时间
cli-error-query-memory = 查询需要超过 { $megabytes } MB 内存，已被停止；请缩小查询范围，或用 --max-query-mb 允许更多内存
cli-error-timeout = --timeout { $seconds }：应为正的秒数
cli-error-write-timeout = --write-timeout { $seconds }：应为正的秒数
cli-error-at-least-one = --{ $option } 至少为 1
cli-error-lang = --lang“{ $lang }”：应为 ru、en 或 zh
cli-error-serve = 无法启动服务：{ $detail }
cli-server-listening = sco-kg：正在 { $url } 提供 { $triples } 个三元组（SPARQL 端点 { $url }/sparql），启动用时 { $ms } 毫秒
cli-server-public-url = sco-kg：公开地址 { $url }
cli-server-stopped = sco-kg：已停止。

## `--help`（src/main.rs，fn localised_command）：clap 的标题和它自带的标志，然后是各命令
## （cli-help-命令、cli-help-命令-long）、其选项（cli-help-命令-选项）及选项取值
## （cli-help-命令-选项-取值）的说明。简短说明末尾不加句号：clap 把它们印在选项后的同一行。
cli-help-usage = 用法
cli-help-commands = 命令
cli-help-arguments = 参数
cli-help-options = 选项
cli-help-flag-help = 打印帮助
cli-help-flag-help-short = 打印帮助（用 '--help' 查看详细说明）
cli-help-flag-help-long = 打印帮助（用 '-h' 查看摘要）
cli-help-flag-version = 打印版本
cli-help-command-help = 打印本帮助或指定子命令的帮助
cli-help-about = 以多语言关联数据知识图谱呈现的上合组织2021—2025年行动计划，附 SPARQL 端点
cli-help-about-long =
    sco-kg：以多语言关联数据知识图谱呈现的上合组织2021—2025年行动计划。

    所有命令都使用内嵌在程序中的数据；`--source` 改为读取计划文本的另一份副本。
cli-help-lookup = 按名称、别名或文本中的词语查找实体，可用俄文、英文或中文
cli-help-lookup-long =
    按名称、别名或文本中的词语查找实体，可用俄文、英文或中文。

    输出 JSON：各命中项的 IRI、类型、--lang 语言的标签（及无该语言标签时所回退到的语言）、匹配到的标签或文本、匹配方式和得分。
cli-help-lookup-query = 要查找的内容："RATS"、"Секретариатом"、"反恐"、"interbank"、"Душанбе"、"14" …
cli-help-lookup-lang = 命中项标签的语言：ru、en 或 zh
cli-help-lookup-type = 仅限这些类型，以逗号分隔：body、state、document、place、initiative、measure、section、plan、decision
cli-help-lookup-limit = 最多命中数
cli-help-parse = 解析计划文本并输出类型化模型（决定、章节、措施）
cli-help-parse-source = 与 data/source/ 格式相同的文本文件（默认：内嵌的源文本）
cli-help-parse-format = 输出格式
cli-help-parse-format-json = 以 JSON 输出整个模型
cli-help-parse-format-csv = 每项措施一行（RFC 4180）
cli-help-query = 对知识图谱执行 SPARQL 1.1 查询
cli-help-query-long =
    对知识图谱执行 SPARQL 1.1 查询。

    前缀 sco:、skos:、rdf:、rdfs:、owl:、xsd:、dcterms:、prov:、org:、oa:、wd: 和 id:（资源基址）已预先声明。CONSTRUCT 和 DESCRIBE 输出 Turtle。
cli-help-query-query = 查询：查询文本本身，@文件 表示从文件读取，- 表示从标准输入读取
cli-help-query-format = SELECT 和 ASK 结果的输出格式
cli-help-query-format-table = 对齐的列
cli-help-query-format-json = SPARQL 1.1 查询结果 JSON 格式
cli-help-query-format-csv = SPARQL 1.1 查询结果 CSV 格式
cli-help-query-format-tsv = SPARQL 1.1 查询结果 TSV 格式
cli-help-query-format-xml = SPARQL 查询结果 XML 格式
cli-help-query-base = 资源 IRI 的基址
cli-help-query-timeout = 查询最长可运行的时间，单位为秒（与服务器默认值相同）
cli-help-query-max-query-mb = 查询最多可占用的内存，单位为兆字节（与服务器默认值相同）
cli-help-serve = 通过 HTTP 提供知识图谱：SPARQL 1.1 端点位于 /sparql，各资源位于 /id/…，数据转储位于 /dump/…，VoID 位于 /.well-known/void
cli-help-serve-long =
    通过 HTTP 提供知识图谱：SPARQL 1.1 端点位于 /sparql，各资源位于 /id/…，数据转储位于 /dump/…，VoID 位于 /.well-known/void。

    收到 SIGINT 或 SIGTERM 后，答复完正在处理的请求即停止。RUST_LOG 设置请求日志的级别（默认：info）。
cli-help-serve-bind = 监听地址（端口 0：任意空闲端口）
cli-help-serve-base = 资源 IRI 的基址；/id/PATH 提供 BASE + PATH
cli-help-serve-public-url = 客户端（经代理）访问服务器所用的源地址，用于服务描述、VoID 和重定向（默认：请求的 Host）
cli-help-serve-timeout = 单个查询的最长运行时间，单位为秒
cli-help-serve-max-query-bytes = 可接受的最长查询，单位为字节（超出：413）
cli-help-serve-max-body-bytes = 可接受的最大请求体，单位为字节（超出：413）
cli-help-serve-max-concurrent = 同时执行的最多查询数（超出：503 并附 Retry-After）[默认：CPU 数的两倍，至少为 4]
cli-help-serve-max-results = 一个答复最多可含的行数或三元组数
cli-help-serve-cache-mb = 为重复查询缓存答复所用的兆字节数，另加其四分之一用于缓存重复 GET 请求的完整响应（0：不使用缓存）
cli-help-serve-queue-wait = 查询在被以 503 拒绝前可等待空闲名额的秒数（0：立即拒绝）
cli-help-serve-write-timeout = 客户端未接收任何应答字节的情况下连接在被关闭前可保持的秒数
cli-help-serve-max-queued = 同时等待空闲槽位的查询上限；超出时查询立即以 503 和 Retry-After 拒绝
cli-help-serve-max-answer-mb = 结果的最大长度（MB），在写出时检查；更长的结果会被拒绝，并说明如何分页获取
cli-help-serve-max-query-mb = 单个查询在求值和写出时可占用的最大内存（MB）；超出时查询被停止
cli-help-serve-max-in-flight-mb = 所有连接上同时等待发送的结果总量上限（MB）；超出时结果以 503 拒绝
cli-help-serve-log-format = stderr 日志的写法：text 供人阅读，json（每行一个对象）供日志收集器使用
cli-help-serve-log-format-text = 供人阅读的文本行，仅在终端上着色
cli-help-serve-log-format-json = 每行一个 JSON 对象：时间戳、级别、字段、来源和请求的上下文
cli-help-export = 以一种语法写出整个图，每次运行逐字节相同（使用 -o 时以原子方式写入）
cli-help-export-format = 语法；canonical 即 RDFC-1.0 规范 N-Quads
cli-help-export-format-ttl = Turtle
cli-help-export-format-nt = N-Triples
cli-help-export-format-nq = N-Quads（默认图）
cli-help-export-format-trig = TriG（默认图）
cli-help-export-format-rdf = RDF/XML
cli-help-export-format-jsonld = JSON-LD（展开形式，附以前缀构成的上下文）
cli-help-export-format-canonical = 规范 N-Quads（RDFC-1.0）；其 SHA-256 即数据集的版本
cli-help-export-output = 要写入的文件（默认：标准输出）
cli-help-export-base = 资源 IRI 的基址
cli-error-queue-wait = --queue-wait { $seconds }：应为秒数

## 库的类型化错误，由命令行界面报告之处。

cli-error-source-column = { $path }:{ $line }:{ $column }：{ $detail }
cli-error-stdout = 无法写入标准输出：{ $detail }

## serve 和 export 的 `--scale`（src/store/scale.rs）：图及其合成副本。

cli-help-serve-scale = 以 N 份图提供服务，用于测量成本如何随语料增长：计划本身及其 N − 1 份合成副本，位于 BASE + copy/K/ 之下，其文本和标签带有“ [K]”标记（1：仅计划本身）
cli-help-export-scale = 写出 N 份图（见 serve --scale）：计划本身及其 N − 1 份合成副本，位于 BASE + copy/K/ 之下（1：仅计划本身）
