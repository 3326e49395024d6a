# HTTP 服务（src/server）的拒绝信息，以读者的语言作为纯文本发送。

query-syntax-undeclared-prefix = 该查询不是有效的 SPARQL 1.1：第 { $line } 行第 { $column } 列的前缀 { $prefix }: 未声明。本端点预先声明了 { $predeclared }（其他端点和客户端不会：请用 PREFIX 声明所用的每个前缀）；如需其他前缀，请在查询前写 PREFIX { $prefix }: <IRI>。
    { $snippet }
query-syntax-ends-too-soon = 该查询不是有效的 SPARQL 1.1：查询在第 { $line } 行第 { $column } 列结束，但此处尚不能结束。请在前面查找缺少的部分：三元组模式需要主语、谓语和宾语；每个组、列表和字符串都必须闭合。
    { $snippet }
query-syntax-unexpected = 该查询不是有效的 SPARQL 1.1：第 { $line } 行第 { $column } 列不应出现 `{ $found }`。
    { $snippet }
query-syntax-unexpected-expected = 该查询不是有效的 SPARQL 1.1：第 { $line } 行第 { $column } 列不应出现 `{ $found }`；应为以下之一：{ $expected }。
    { $snippet }
query-syntax-unknown-word = 该查询不是有效的 SPARQL 1.1：第 { $line } 行第 { $column } 列的 `{ $found }` 不是 SPARQL 关键字。
    { $snippet }
query-syntax-unknown-word-suggestion = 该查询不是有效的 SPARQL 1.1：第 { $line } 行第 { $column } 列的 `{ $found }` 不是 SPARQL 关键字；是否想写 { $suggestion }？
    { $snippet }
query-syntax-closes-nothing = 该查询不是有效的 SPARQL 1.1：第 { $line } 行第 { $column } 列的 `{ $bracket }` 没有可闭合的括号。
    { $snippet }
query-syntax-never-closed = 该查询不是有效的 SPARQL 1.1：第 { $line } 行第 { $column } 列的 `{ $bracket }` 始终未闭合。
    { $snippet }
query-syntax-other = 该查询不是有效的 SPARQL 1.1：{ $detail }
    { $snippet }
api-error-read-only = 本端点只读：不接受 SPARQL Update（请用 `query=` 参数或以 application/sparql-query 发送查询）
api-error-not-acceptable = 无法提供 Accept（或 format=）中的任何媒体类型；可用的有：{ $available }
api-error-body-timeout = 请求体未在 { $seconds } 秒内到达
api-error-busy = 同时运行的查询过多；请 { $seconds } 秒后重试
api-error-timeout = 查询运行 { $seconds } 秒后被停止，这是本端点允许的最长时间
api-error-cancelled = 查询已取消
api-error-too-many-results = 结果超过 { $limit } 行或三元组，即本端点返回的上限；请缩小查询范围，或用 LIMIT 和 OFFSET 分页获取（配合 ORDER BY，使各页不重叠）
api-error-answer-too-long = 结果超过 { $limit } 字节，即本端点发送的上限；请缩小查询范围，或用 LIMIT 和 OFFSET 分页获取（配合 ORDER BY，使各页不重叠）
api-error-out-of-memory = 查询已被停止：它需要超过 { $megabytes } MB 内存，即本端点单个查询可用的上限；请关联查询的各部分（与其余部分没有共同变量的模式会使行数成倍增加），或用 LIMIT 和 OFFSET 分页获取
api-error-evaluation = 无法执行该查询：{ $detail }
api-error-internal = 内部错误：{ $detail }
api-error-no-route = { $path } 处没有内容
api-error-host = HTTP/1.1 请求必须恰好带有一个 Host 头，写明其所发往的服务器（RFC 9112 §3.2）
api-error-no-resource = 本图中没有资源 <{ $iri }>
api-error-no-dump = 没有名为“{ $file }”的数据转储
api-error-two-queries = 请求中有多个查询；请只发送一个
api-error-form-without-query = 表单中没有 `query` 参数
api-error-query-in-body-and-url = 请求体和 URL 中各有一个查询；请只发送一个
api-error-not-utf8 = 查询不是 UTF-8 文本
api-error-post-content-type = POST /sparql 接受 application/sparql-query 或 application/x-www-form-urlencoded（Content-Type：“{ $content_type }”）
api-error-body-too-large = 请求体超过 { $limit } 字节
api-error-body-unreadable = 无法读取请求体：{ $detail }
api-error-graph-iri = { $parameter }“{ $iri }”不是绝对 IRI：{ $detail }
api-error-query-too-long = 查询长 { $length } 字节；允许的最大长度为 { $limit }
api-error-unknown-format = format=“{ $format }”不是可用格式；SELECT 和 ASK 请用 json、xml、csv 或 tsv，CONSTRUCT 和 DESCRIBE 请用 turtle、ntriples、rdfxml 或 jsonld
api-error-too-deep = 查询嵌套超过 { $limit } 层（分组、括号、运算符）；请简化
api-error-parentheses-too-deep = 查询中圆括号的嵌套超过 { $limit } 层（解析时间随此类嵌套呈指数增长）；请简化查询
api-error-too-many-patterns = 查询中的三元组模式、路径步骤和 VALUES 块超过 { $limit } 个；请拆分
api-error-cartesian-product = 查询将 { $parts } 个互不相关的部分相乘（最大部分的每一行约有 { $combinations } 种组合的笛卡尔积）；请用共享变量关联它们，或用常量缩小范围
api-error-lang = lang“{ $lang }”：应为 ru、en 或 zh
api-error-lookup-without-q = 缺少参数 q（要查找的内容）
api-error-lookup-type = type：{ $detail }
api-error-lookup-limit = limit“{ $limit }”：应为整数
lookup-error-empty = 没有要查找的内容：查询为空或只有空格
lookup-error-too-long = 查询有 { $chars } 个字符；查找最多接受 { $limit } 个（足以容纳图中最长的名称）
lookup-error-too-many-words = 查询有 { $words } 个词；查找最多接受 { $limit } 个（足以容纳图中最长的名称）
lookup-error-control = 查询含有控制字符（{ $code }）；请把名称写在一行内，不要使用制表符或转义序列
api-error-string-growth = 查询中的某个表达式可能生成长达 { $bytes } 字节的字符串（对同样生成的值做 CONCAT、REPLACE 等），超过本端点单个值允许的 { $limit } MiB；请生成较短的字符串
api-error-sort-too-large = ORDER BY 将需要排序约 { $rows } 行，超过本端点允许的 { $limit } 行（排序无法在超时时停止）；请缩小查询范围或关联其各部分
api-error-gathered-too-large = 查询中需整体保存在内存中的部分（OPTIONAL 或 MINUS 的右侧、带 * 或 + 的路径闭包）约有 { $rows } 行，超过本端点允许的 { $limit } 行；请用共同变量将其与查询的其余部分关联，或固定路径的一端
api-not-ready = 未就绪：所有查询槽位均已占用，且查询无处排队等待；请 { $seconds } 秒后重试
query-evaluation-graph-as-results = 无法执行该查询：其答案是一个图（CONSTRUCT 或 DESCRIBE），而不是查询结果
query-evaluation-results-as-graph = 无法执行该查询：其答案是查询结果（SELECT 或 ASK），而不是图
query-evaluation-unwritable = 无法写出答案：{ $detail }
