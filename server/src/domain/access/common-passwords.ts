/**
 * Issue 17: passwords refused whatever their length, because they are the first ones tried. The
 * most common passwords of public breach lists (Western and Chinese), the product's own demo
 * password, and the names of the product and the field. Compared lower-cased.
 * One template literal, whitespace-separated (none contains a space): the list is data, kept compact.
 */
const LIST = `
tingjian-demo tingjian tingjian123 tingjian2026 tingjian2027 123456 123456789 12345678 1234567890
12345 1234567 123123 111111 000000 654321 666666 888888 123321 112233 121212 147258369 1qaz2wsx
1q2w3e4r 1q2w3e4r5t qwerty qwerty123 qwertyuiop asdfghjkl zxcvbnm password password1 password123
passw0rd p@ssw0rd p@ssword admin admin123 admin1234 administrator root toor letmein welcome welcome1
welcome123 iloveyou monkey dragon football baseball sunshine princess superman batman trustno1
abc123 abcd1234 abc12345 a123456 a12345678 aa123456 qq123456 woaini woaini1314 woaini520 5201314
1314520 520520 wangyang zhang123 li123456 wang123456 huawei123 xiaomi123 baidu123 taobao123 changeme
changeme123 temp1234 test1234 test123456 guest guest123 default secret secret123 master login
login123 hello123 hello1234 computer internet shanghai beijing shenzhen guangzhou china123 zhongguo
wuye123456 wuye2026 property123 complaint complaints service123 kefu123456 kefu2026 qwe123 qwe123456
qweasd qweasdzxc asd123 asd123456 zxc123 zxc123456 aaaaaa aaaaaaaa 11111111 00000000 88888888
66666666 12341234 11223344 987654321 0987654321 147258 159753 159357 7758521 521521 1314521
password2026 password2027 Password1! P@ssw0rd1 Aa123456 Aa123456789 Qwer1234 Abc@1234 Admin@123
Admin@2026 Welcome@123 Tingjian@2026 12345678910 123123123 1234qwer 123abc 123qwe 123qweasd
123qweasdzxc 1qaz2wsx3edc 1qazxsw2 2wsx3edc 3edc4rfv q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6 zaq12wsx
zaq1xsw2 !qaz2wsx qazwsx qazwsxedc qazwsx123 qwerty1 qwerty12 qwerty1234 qwertyu qwerasdf qwer1234
asdf1234 asdfasdf asdfgh asdfghjk zxcvbn zxcvbnm123 1q2w3e 1q2w3e4r5t6y abc123456 abc123456789
abcd123 abcdef abcdefg abcdefgh abcdefg123 a1234567 a123456789 a1b2c3 a1b2c3d4 aa12345678 aaa111
aaa123 abc666 abc888 asd123456789 password! password12 password1234 passw0rd1 pa55word pass1234
pass123 passpass mypassword newpassword letmein1 letmein123 iloveyou1 iloveyou2 iloveu loveyou
lovely love123 love1314 loveme welcome2026 welcome2027 hello hello1 hello12345 helloworld whatever
freedom starwars pokemon charlie michael jennifer jordan23 shadow master123 killer hunter hunter2
ranger buster soccer hockey tigger ginger pepper cheese summer winter spring autumn flower orange
banana apple123 chocolate cookie butterfly purple silver golden diamond angel angel123 babygirl
family friends forever blessed jesus nicole daniel jessica ashley thomas matrix access access14
mustang ferrari corvette harley yankees eagles cowboys liverpool chelsea arsenal barcelona
qwerty123456 google google123 facebook youtube samsung iphone microsoft windows linux oracle mysql
postgres database server network system sysadmin adminadmin admin888 admin666 admin12345 admin123456
administrator1 root123 root1234 rootroot test test123 test12345 testtest tester demo demo123 user
user123 user1234 temp temp123 temppass manager manager123 support office office123 company
company123 service staff123 000000000 0000000000 1111111111 111111111 1111111 11111 1212121212
121212121 123456a 123456aa 123456abc 123456qq 123456789a 123456789q 1234567a 12345678a 12345a
1234abcd 1234asdf 123654 123654789 123789 1234554321 12344321 13579 135792468 1357924680 147852
147852369 159159 159357456 163.com 168168 1688 168888 188888 222222 2222222 22222222 233233 31415926
3141592653 333333 33333333 444444 456123 456789 5201314520 520131 5211314 555555 55555555 666888
6666666 686868 7758258 777777 77777777 789456 789456123 7894561230 818818 868686 8888888 888888888
987654 98765432 999999 99999999 999999999 woaini123 woaini521 woaiwojia wodemima mima123 mima1234
mimamima nicai zhangwei wangwei liuyang zhangjie wangjing lixiaolong xiaoming xiaohong dingding
qq123456789 qq5201314 qqqqqq aaaaaaa aaaaaaaaa abcabc abcabc123 qazqaz wsxwsx zxczxc asdasd
asdasd123 qweqwe qweqwe123 qwe123qwe qweasd123 zxcasdqwe woshishui nihao123 nihaoma tiantian kuaile
xingfu pingan aini1314 aini520 caonima fuckyou fuckyou1 sunshine1 princess1 monkey123 dragon123
football1 baseball1 superman1 batman123 trustno1! 654321a a11111 a111111 a5201314 aa112233
abc12345678 huawei xiaomi alibaba alipay taobao weixin wechat tencent baidu jingdong lenovo wuye
wuye123 wuyeguanli kefu kefu123 kefuzhongxin tousu tousu123 manyi huifang guanliyuan guanli123 yezhu
yezhu123 xiaoqu xiaoqu123 fangdichan mima zhongguo123 china china2026 beijing123 shanghai123
shenzhen123 guangzhou123 hangzhou nanjing wuhan chengdu chongqing tianjin P@ssw0rd! P@ssword1
Password@123 Password123! Passw0rd! Qwerty123! Qwer1234! Abcd1234! Admin@1234 Aa123456! Aa112233
Zxcv1234 Asdf1234 Qaz123456 Welcome1! Summer2026 Winter2026 Spring2026
`;

export const COMMON_PASSWORDS: readonly string[] = LIST.split(/\s+/).filter(Boolean);
