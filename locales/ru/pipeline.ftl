# Сбои конвейера и запуска сервера на языке читателя: файлы данных (src/data.rs, слова
# src/link/error.rs после «файл:строка:столбец: »), построение графа (src/store/error.rs),
# дампы (src/export.rs), настройки (src/server/config.rs) и работа сервера (src/server/run.rs).
# $detail — слова библиотеки (разборщика, хранилища, системы), по-английски.

data-missing = нет среди встроенных файлов
data-not-utf8 = не является текстом в UTF-8
data-toml = не является TOML ожидаемого вида: { $detail }
data-invalid = { $detail }
