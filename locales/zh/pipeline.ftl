# 处理流程和服务器启动的故障，使用读者的语言：数据文件（src/data.rs，由 src/link/error.rs 在
# “文件:行:列：”之后说明）、构建图（src/store/error.rs）、转储（src/export.rs）、
# 设置（src/server/config.rs）和服务（src/server/run.rs）。
# $detail 是某个库（解析器、存储、系统）的原话，为英文。

data-missing = 不在内嵌文件之中
data-not-utf8 = 不是 UTF-8 文本
data-toml = 不是预期格式的 TOML：{ $detail }
data-invalid = { $detail }
graph-too-large = 该图有 { $triples } 个三元组，查询索引最多只能编号 { $most } 个
graph-prefix = 前缀 { $prefix }: <{ $namespace }> 无法为查询声明：{ $detail }
export-serialise = 无法序列化该图：{ $detail }
export-not-utf8 = 为规范形式写出的 N-Quads 在第 { $line } 行第 { $byte } 字节处不是 UTF-8
export-reread = 为规范形式写出的 N-Quads 在第 { $line } 行第 { $column } 列处无法读回：{ $detail }
export-canonical = 无法将该图规范化：{ $detail }
# $setting：服务器设置的字段（timeout、max_results 等）。
config-zero = 设置项 { $setting } 必须大于零
# $url：给出的网址，带引号。
config-public-url-not-an-iri = { $url }：{ $detail }
config-public-url-not-http = { $url }：必须以 http:// 或 https:// 开头
config-public-url-no-host = { $url }：没有主机名
config-public-url-query-or-fragment = { $url }：不得包含查询或片段
serve-bind = 无法在 { $bind } 上监听：{ $detail }
serve-start = 无法启动：{ $detail }
serve-start-workers = 无法启动查询线程：{ $detail }
serve-io = { $detail }
serve-thread-ended = 服务器线程在开始监听之前就已结束
serve-thread-panicked = 服务器线程发生了 panic
# 示例库（src/examples.rs），位于“文件:行：”之后。$field：title 或 description，即所写的键；
# $lang：语言标记，带引号。
example-no-text = { $field } 缺少 { $lang } 文本
example-other-language = { $field } 含有 { $lang } 文本，该语言不在 ru、en、zh 之列
example-empty-query = 查询为空
# 回答的行与示例预期的行不一致，每项一行；$rows：按 Rust 写法写出的行。
example-rows = { $id }：预期 { $expected } 行，实得 { $got } 行
example-rows-missing = 缺少：{ $rows }
example-rows-unexpected = 多出：{ $rows }
example-rows-reordered = 行相同，但顺序或重复次数不同：
example-rows-expected = 预期：{ $rows }
example-rows-got = 实得：{ $rows }
# data/lookup/ 中的文件（src/lookup/expand.rs），位于“文件:行:列：”之后。$term：[[expand]] 中
# 所写的术语或含义，带引号；$key：terms 或 means。
lookup-data-no-words = { $term }：术语中既没有词也没有汉字
lookup-data-mixed = { $term }：术语要么是词，要么是一串连续的汉字，不能两者兼有
lookup-data-empty = { $key } 为空：[[expand]] 需要 terms 和 means
# 资源 IRI 的基址（--base；src/graph/build.rs）；$base：给出的值，带引号。
base-not-an-iri = { $base } 不是绝对 IRI：{ $detail }
base-no-separator = { $base } 必须以“/”或“#”结尾
