/**
 * Issue 17: passwords refused whatever their length, because they are the first ones tried. The
 * most common passwords of public breach lists (Western and Chinese), the product's own demo
 * password, and the names of the product and the field. Compared lower-cased.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  "tingjian-demo", "tingjian", "tingjian123", "tingjian2026", "tingjian2027",
  "123456", "123456789", "12345678", "1234567890", "12345", "1234567", "123123", "111111", "000000",
  "654321", "666666", "888888", "123321", "112233", "121212", "147258369", "1qaz2wsx", "1q2w3e4r",
  "1q2w3e4r5t", "qwerty", "qwerty123", "qwertyuiop", "asdfghjkl", "zxcvbnm", "password",
  "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "admin", "admin123", "admin1234",
  "administrator", "root", "toor", "letmein", "welcome", "welcome1", "welcome123", "iloveyou",
  "monkey", "dragon", "football", "baseball", "sunshine", "princess", "superman", "batman",
  "trustno1", "abc123", "abcd1234", "abc12345", "a123456", "a12345678", "aa123456", "qq123456",
  "woaini", "woaini1314", "woaini520", "5201314", "1314520", "520520", "wangyang", "zhang123",
  "li123456", "wang123456", "huawei123", "xiaomi123", "baidu123", "taobao123", "changeme",
  "changeme123", "temp1234", "test1234", "test123456", "guest", "guest123", "default", "secret",
  "secret123", "master", "login", "login123", "hello123", "hello1234", "computer", "internet",
  "shanghai", "beijing", "shenzhen", "guangzhou", "china123", "zhongguo", "wuye123456",
  "wuye2026", "property123", "complaint", "complaints", "service123", "kefu123456", "kefu2026",
  "qwe123", "qwe123456", "qweasd", "qweasdzxc", "asd123", "asd123456", "zxc123", "zxc123456",
  "aaaaaa", "aaaaaaaa", "11111111", "00000000", "88888888", "66666666", "12341234", "11223344",
  "987654321", "0987654321", "147258", "159753", "159357", "7758521", "521521", "1314521",
  "password2026", "password2027", "Password1!", "P@ssw0rd1", "Aa123456", "Aa123456789",
  "Qwer1234", "Abc@1234", "Admin@123", "Admin@2026", "Welcome@123", "Tingjian@2026",
];
