# 处理流程和服务器启动的故障，使用读者的语言：数据文件（src/data.rs，由 src/link/error.rs 在
# “文件:行:列：”之后说明）、构建图（src/store/error.rs）、转储（src/export.rs）、
# 设置（src/server/config.rs）和服务（src/server/run.rs）。
# $detail 是某个库（解析器、存储、系统）的原话，为英文。

data-missing = 不在内嵌文件之中
data-not-utf8 = 不是 UTF-8 文本
data-toml = 不是预期格式的 TOML：{ $detail }
data-invalid = { $detail }
