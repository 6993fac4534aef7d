## 面积单位。各 `-amount` 消息将已格式化的数字与单位组合。
unit-switch-label = 面积单位
unit-ha = 公顷
unit-ha-amount = { $amount } 公顷
unit-m2 = 平方米
unit-m2-amount = { $amount } 平方米
unit-mu = 亩
unit-mu-amount = { $amount } 亩
unit-pyeong = 坪
unit-pyeong-amount = { $amount } 坪
