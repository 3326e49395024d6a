# 查询工作台的消息（/query：src/pages/workbench.rs 及 web/workbench.js，后者随页面接收这些消息）。
# 不带 $ 的 {花括号} 中的词由脚本填入。

## 页面

wb-heading = SPARQL 查询编辑器
wb-intro = 对图谱编写 SPARQL 1.1 查询，并以表格或图表查看结果。图谱的前缀已为每个查询声明；类、属性以及机构、国家、文件和措施的名称可在输入时补全（Ctrl+空格）。
wb-unknown-example = 没有示例“{ $id }”；编辑器中为初始查询。
wb-gallery-heading = 示例（{ $count }）
wb-gallery-intro = 分析人员可能提出的问题。点击示例将其载入编辑器，然后运行。
wb-editor-label = SPARQL 查询
wb-run = 运行
wb-cancel = 取消
wb-keys = Ctrl+Enter 运行 · Ctrl+空格 补全 · Shift+Ctrl+F 格式化
wb-noscript = 编辑器需要 JavaScript。没有它，此表单仍会把查询发送到端点，端点以 SPARQL JSON 格式作答。
wb-views-label = 结果视图
wb-view-table = 表格
wb-view-bar = 柱状图
wb-view-network = 网络图
wb-view-timeline = 时间轴
wb-view-map = 地图
wb-prefixes-heading = 前缀（{ $count }）
wb-prefixes-intro = 每个查询都可以直接使用这些前缀，无需声明。
wb-limits = 每个查询最多运行 { $seconds } 秒，最多返回 { $rows } 行。

## 脚本显示的消息

wb-status-running = 正在运行… { $seconds } 秒
wb-status-done = 行数：{ $rows } · { $ms } 毫秒
wb-status-boolean = 已在 { $ms } 毫秒内作答
wb-status-graph = 已在 { $ms } 毫秒内收到图
wb-boolean-true = 是（true）
wb-boolean-false = 否（false）
wb-cancelled = 已取消：服务器已停止该查询。
wb-error-timeout = 查询运行超过 { $seconds } 秒（本服务器允许的上限），已被停止。请缩小查询范围（更具体的模式、LIMIT）后重新运行。
wb-error-busy = 服务器繁忙：同时运行的查询过多。请在 { $seconds } 秒后重试。
wb-error-bad-request = 服务器未运行该查询：
wb-error-network = 无法连接服务器。请检查网络连接后重试。
wb-error-other = 服务器返回状态码 { $status }。
wb-error-server-said = 服务器的消息：
wb-empty = 查询没有返回任何行。
wb-truncated = 表格显示 { $rows } 行中的前 { $shown } 行；请下载完整结果。
wb-format-csv = CSV
wb-format-tsv = TSV
wb-format-json = SPARQL JSON
wb-format-turtle = Turtle
wb-format-ntriples = N-Triples
wb-format-jsonld = JSON-LD
wb-download = 下载：
wb-unfit-bar = 柱状图需要一列数字和一列名称。
wb-unfit-network = 网络图需要两列 IRI，例如机构及其执行的措施。
wb-unfit-timeline = 时间轴需要一列日期或年份。
wb-unfit-map = 地图需要以十进制度（WGS84）表示的 ?lat 列和 ?long 列，例如地点的 geo:lat 和 geo:long。
wb-map-label = 结果中各点的地图（{ $points }）
wb-map-note = 点数：{ $points }；无坐标而未显示的行：{ $skipped }。等距圆柱投影；未绘制国界和海岸线。
wb-graph-result = 查询返回了一个图，此处以 Turtle 格式显示。
wb-completion-class = 类
wb-completion-property = 属性
wb-completion-entity = 实体
wb-network-other = 其他
