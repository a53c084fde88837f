package article

import (
	"testing"
	"unicode/utf8"
)

// normalizeTests are the string cases of the normalizer, each naming the
// rule it is about (or "keep" for text that must not change). They are
// drawn from the rules of issue 3, the Chinese copywriting guidelines
// (中文文案排版指北) and W3C's Requirements for Chinese Text Layout
// (clreq); the cases are written for this package. They also seed
// FuzzNormalize.
var normalizeTests = []struct {
	rule RuleName
	in   string
	want string
	opt  Normalizer
}{
	// The cases named in issue 3.
	{RuleBrackets, "亚信科技(中国)有限公司", "亚信科技（中国）有限公司", Normalizer{}},
	{RuleBrackets, "西门子工业软件(上海)公司", "西门子工业软件（上海）公司", Normalizer{}},
	{RuleBrackets, "《数字沈抚建设规划(2020-2025年)》", "《数字沈抚建设规划（2020-2025年）》", Normalizer{}},
	{RuleFullwidth, "ＡＢＣ１２３", "ABC123", Normalizer{}},
	{RuleFullwidth, "１６：３２", "16:32", Normalizer{}},
	{RuleLatinPunctuation, "0： 0", "0: 0", Normalizer{}}, // spaces do not hide two numbers (fuzz e8763819)
	{RuleFullwidth, "１０００元", "1000元", Normalizer{}},
	{RuleFullwidth, "这件蛋糕只卖 １０００ 元。", "这件蛋糕只卖 1000 元。", Normalizer{}},
	{RuleQuotes, "“世界“", "“世界”", Normalizer{}},
	{RuleQuotes, "他说“世界“很大。", "他说“世界”很大。", Normalizer{}},
	{"keep", "详见https://example.com/a?b=1,c=2。", "详见https://example.com/a?b=1,c=2。", Normalizer{}},
	{"keep", "例如 e.g. 这个", "例如 e.g. 这个", Normalizer{}},
	{"keep", "我见到了 Mr. Smith 先生", "我见到了 Mr. Smith 先生", Normalizer{}},
	{"keep", "苹果 vs. 香蕉", "苹果 vs. 香蕉", Normalizer{}},
	{"keep", "　　段落缩进两个全角空格。", "　　段落缩进两个全角空格。", Normalizer{}},
	{"keep", "한국어(韓國語), 테스트!", "한국어(韓國語), 테스트!", Normalizer{}},
	{"keep", "안녕하세요. 반갑습니다!", "안녕하세요. 반갑습니다!", Normalizer{}},
	{"keep", "서울, 대한민국: 2022년", "서울, 대한민국: 2022년", Normalizer{}},

	// RulePunctuation: half-width marks after CJK text.
	{RulePunctuation, "他说:你好", "他说：你好", Normalizer{}},
	{RulePunctuation, "他说:你好!", "他说：你好！", Normalizer{}},
	{RulePunctuation, "完成.", "完成。", Normalizer{}},
	{RulePunctuation, "你好,世界", "你好，世界", Normalizer{}},
	{RulePunctuation, "真的吗?", "真的吗？", Normalizer{}},
	{RulePunctuation, "第一;第二", "第一；第二", Normalizer{}},
	{RulePunctuation, "真的?!", "真的？！", Normalizer{}},
	{RulePunctuation, "嗨! 你知道嘛? 今天", "嗨！你知道嘛？今天", Normalizer{}},
	{RulePunctuation, "嗨!你知道嘛?今天", "嗨！你知道嘛？今天", Normalizer{}},
	{RulePunctuation, "刚刚买了一部 iPhone ,好开心!", "刚刚买了一部 iPhone，好开心！", Normalizer{}},
	{RulePunctuation, "刚刚买了一部 iPhone，好开心！", "刚刚买了一部 iPhone，好开心！", Normalizer{}},
	{RulePunctuation, "核磁共振成像(NMRI)是什么原理都不知道?JFGI!", "核磁共振成像（NMRI）是什么原理都不知道？JFGI！", Normalizer{}},
	{RulePunctuation, "核磁共振成像 (NMRI) 是什么原理都不知道? JFGI!", "核磁共振成像（NMRI）是什么原理都不知道？JFGI！", Normalizer{}},
	{RulePunctuation, "我用的是Go.", "我用的是Go。", Normalizer{}},
	{RulePunctuation, "我用的是 Visual Studio Code.", "我用的是 Visual Studio Code。", Normalizer{}},
	{RulePunctuation, "共计100.", "共计100。", Normalizer{}},
	{RulePunctuation, "增长33.80%.", "增长33.80%。", Normalizer{}},
	{RulePunctuation, "版本1.2.3发布, 价格-255元.", "版本1.2.3发布，价格-255元。", Normalizer{}},
	{RulePunctuation, "时间:10:30", "时间：10:30", Normalizer{}},
	{RulePunctuation, "比分3:2,主队获胜", "比分3:2，主队获胜", Normalizer{}},
	{RulePunctuation, "（上海证券报）.", "（上海证券报）。", Normalizer{}},
	{RulePunctuation, "好的 , 没问题", "好的，没问题", Normalizer{}},
	{RulePunctuation, "是的,Go语言", "是的，Go语言", Normalizer{}},
	{RulePunctuation, "今天很好.明天也好", "今天很好。明天也好", Normalizer{}},
	{RulePunctuation, "中国的“两会”.", "中国的“两会”。", Normalizer{}},
	{RulePunctuation, "他说：“好的”.", "他说：“好的”。", Normalizer{}},
	{RulePunctuation, "第一,第二,第三", "第一，第二，第三", Normalizer{}},
	{RulePunctuation, "一、二、三.", "一、二、三。", Normalizer{}},
	{RulePunctuation, "标题:\n正文", "标题：\n正文", Normalizer{}},
	{RulePunctuation, "日本語のテキスト.", "日本語のテキスト。", Normalizer{}},
	{RulePunctuation, "他问:为什么?", "他问：为什么？", Normalizer{}},
	{RulePunctuation, "我有3个,你有4个", "我有3个，你有4个", Normalizer{}},
	{RulePunctuation, "不要重复!!", "不要重复！！", Normalizer{}},
	{"keep", "新浪.com", "新浪.com", Normalizer{}},
	{"keep", "打开配置文件.yaml", "打开配置文件.yaml", Normalizer{}},
	{"keep", "Hello, world. This is fine!", "Hello, world. This is fine!", Normalizer{}},
	{"keep", "Hello, 世界", "Hello, 世界", Normalizer{}},
	{"keep", "I like it. 我也是", "I like it. 我也是", Normalizer{}},
	{"keep", "我们的客户有 GitHub、Foursquare、Microsoft Corporation、Google、Facebook, Inc.。", "我们的客户有 GitHub、Foursquare、Microsoft Corporation、Google、Facebook, Inc.。", Normalizer{}},
	{"keep", "乔布斯那句话是怎么说的？「Stay hungry, stay foolish.」", "乔布斯那句话是怎么说的？「Stay hungry, stay foolish.」", Normalizer{}},
	{"keep", "他喜欢 etc.", "他喜欢 etc.", Normalizer{}},
	{"keep", "参见 Fig. 3 的结果", "参见 Fig. 3 的结果", Normalizer{}},
	{"keep", "由 J. K. Rowling 所著", "由 J. K. Rowling 所著", Normalizer{}},
	{"keep", "美国 U.S. 市场", "美国 U.S. 市场", Normalizer{}},
	{"keep", "即 i.e. 也就是", "即 i.e. 也就是", Normalizer{}},
	{"keep", "大约 3.14 左右", "大约 3.14 左右", Normalizer{}},
	{"keep", "在10:30开会", "在10:30开会", Normalizer{}},
	{"keep", "共1,000,000元", "共1,000,000元", Normalizer{}},
	{"keep", "温度-255度", "温度-255度", Normalizer{}},
	{"keep", "a,b,c", "a,b,c", Normalizer{}},
	{"keep", "x.y.z", "x.y.z", Normalizer{}},
	{"keep", "The end.", "The end.", Normalizer{}},
	{"keep", "中文; DROP TABLE", "中文；DROP TABLE", Normalizer{}},
	{"keep", "他说 OK, fine", "他说 OK, fine", Normalizer{}},

	// Protected spans.
	{"keep", "访问https://zh.wikipedia.org/wiki/Go_(language)了解", "访问https://zh.wikipedia.org/wiki/Go_(language)了解", Normalizer{}},
	{"keep", "地址:https://example.com/a.html", "地址：https://example.com/a.html", Normalizer{}},
	{"keep", "见http://a.com/x,y;z:1!", "见http://a.com/x,y;z:1！", Normalizer{}},
	{"keep", "网站www.example.com,欢迎", "网站www.example.com，欢迎", Normalizer{}},
	{RulePunctuation, "接A ://x/!", "接A：//x/!", Normalizer{}},                 // A：// is no URL: its colon is punctuation, spaced or not (fuzz 3c22e9bc)
	{RulePunctuation, "见http://a.com ,#!", "见http://a.com，#!", Normalizer{}}, // a URL ends at a full-width mark, spaced or not (fuzz dc2a8dba)
	{RuleBrackets, "(https://example.com/中)", "（https://example.com/中）", Normalizer{}},
	{"keep", "链接 https://example.com/a_(b) 很好", "链接 https://example.com/a_(b) 很好", Normalizer{}},
	{"keep", "邮件user.name+tag@example.co.uk联系", "邮件user.name+tag@example.co.uk联系", Normalizer{}},
	{"keep", "发邮件到a@b.cn.", "发邮件到a@b.cn。", Normalizer{}},
	{RulePunctuation, "邮.@00.", "邮。@00。", Normalizer{}},
	{RulePunctuation, "发邮件到a@b.", "发邮件到a@b。", Normalizer{}},
	{"keep", "文件在/usr/local/bin.", "文件在/usr/local/bin。", Normalizer{}},
	{"keep", "运行./configure,然后", "运行./configure，然后", Normalizer{}},
	{"keep", "打开C:\\Windows\\System32,然后", "打开C:\\Windows\\System32，然后", Normalizer{}},
	{"keep", "编辑~/.bashrc文件", "编辑~/.bashrc文件", Normalizer{}},
	{RulePunctuation, "详0,/00#! ", "详0,/00#！ ", Normalizer{}},
	{RulePunctuation, "运行0,/usr/bin!", "运行0,/usr/bin！", Normalizer{}},
	{RulePunctuation, "见://0/0!0!", "见：//0/0!0！", Normalizer{}},
	{RulePunctuation, "见a:\"/00000#!", "见a:\"/00000#！", Normalizer{}},
	{RuleEllipsis, "见.../usr#!", "见……/usr#！", Normalizer{}},
	{RulePunctuation, "见a:/.!", "见a：/.!", Normalizer{}},
	{"keep", "0。A。A", "0。A。A", Normalizer{}},                                   // "A。" reads as the initial "A." (fuzz afaf44d9)
	{"keep", "Dr。Li", "Dr。Li", Normalizer{}},                                   // and "Dr。" as the abbreviation "Dr."
	{RuleBrackets, "职业：(**伪**)全栈", "职业：（**伪**）全栈", Normalizer{}},               // "：(" is no emoticon, for ： ends a word
	{RulePunctuation, "国. A.A.", "国。A.A.", Normalizer{}},                       // and 。 too (fuzz a74e0a2b)
	{RuleLatinPunctuation, "0。A0。A.00", "0。A0. A.00", Normalizer{Space: true}}, // a space before a protected letter too (fuzz 26751969)
	{RuleLatinPunctuation, "0。Ab。2 cd", "0。Ab. 2 cd", Normalizer{}},            // and after 。 before a digit
	{RuleLatinPunctuation, "0。Ab 2。3 cd", "0. Ab 2.3 cd", Normalizer{}},        // but not between digits
	{RulePunctuationSpace, "0。A 。/ A", "0。A。/ A", Normalizer{}},                // 。 joins "/", as "." would (fuzz 425fbccd)
	{RulePunctuationSpace, "A 。。", "A。。", Normalizer{}},                        // one run, protected or not (fuzz c17b5627)
	{RuleBrackets, "(：()全", "(：（）全", Normalizer{}},                             // a kept （ pairs as ( did (fuzz c8d81fc0)
	{RulePunctuationSpace, "A a 。/", "A a。/", Normalizer{}},                    // "./" may start a path wherever 。 stands (fuzz f7da9daf)
	{RuleCJKSpace, "本0./发", "本 0./ 发", Normalizer{Space: true}},                // "./" may start a path at its dot, wide or not (fuzz 7a8817a9)
	{RulePunctuation, "见/0, #!", "见/0，#!", Normalizer{}},                       // the path ends before the comma, with its space or without (fuzz bd19db40)
	{RulePunctuation, "见/0: #!", "见/0：#!", Normalizer{}},                       // and before a colon (fuzz bdade085)
	{"keep", "打开C:\\a文件", "打开C:\\a文件", Normalizer{}},                           // but not at a drive letter's
	{RulePunctuation, `洴A :\!`, `洴A：\!`, Normalizer{}},                         // whose colon is ASCII: A：\ is no drive, spaced or not (fuzz abad347e)
	{RuleQuotes, `见"/0,"/0#!`, "见“/0,”/0#！", Normalizer{}},                     // a word may hold two paths, each its own word once the quotes turn curly (fuzz dceb969c)
	{RuleLatinPunctuation, "：0： 0", "：0: 0", Normalizer{}},                     // ：0： is no shortcode: its colon joins numbers, as in 0： 0 (fuzz 50dbdc26)
	{RulePunctuationSpace, "0.. 。/", "0..。/", Normalizer{}},                    // after two dots 。 starts a run of its own, and "./" with it, as in A a 。/ (fuzz 085c2eac)
	{RulePunctuation, "他...。/!", "他……。/！", Normalizer{}},                       // and after three, which become …… (fuzz 26349628)
	{RulePunctuation, "有.. ./!", "有.. ./！", Normalizer{}},                      // and after a gap: .. and . are two runs, spaced or not (fuzz 6f6d2cb8)
	{RulePunctuation, "有. .. ./!", "有。.. ./！", Normalizer{}},                   // a gap parts runs, it does not make a pair two lone dots (fuzz d3f3c711)
	{RulePunctuation, "有. . ../!", "有。。../！", Normalizer{Space: true}},         // two lone dots join each other, not the pair after a gap: "../" starts there (fuzz bc90d976)
	{RuleEllipsis, "他.。。/", "他……/", Normalizer{}},                              // a lone dot beside 。。 joins their run when it turns full-width (fuzz f80770bb)
	{RulePunctuation, "他.。../!", "他。。../！", Normalizer{}},                      // but the 。。 they make stays apart from a pair of . after it: "../" starts there (fuzz 51b11d7f)
	{RulePunctuation, "有. ../!.0!", "有。../!.0！", Normalizer{}},                 // a lone dot joins the pair after it, spaced or not, as 有。.. is read: no path (fuzz 880d6552)
	{RulePunctuation, "有.. . . ../!", "有..。。../！", Normalizer{Space: true}},    // and a row of lone dots after a pair is one too (fuzz 28159f8e)
	{RuleBrackets, "/_ (A)很", "/_（A）很", Normalizer{}},                          // a path ends at a bracket, which may turn full-width and join it: "/_(" is no path, as "/_" is none (fuzz 6befb1cb)
	{RuleEllipsis, "他0.。 。", "他0……", Normalizer{}},                             // and so do lone 。 after it, which "0." would narrow alone (seed 02933a11)
	{"keep", "中文1。 2 a b!", "中文1。 2 a b!", Normalizer{}},                       // the space keeps 1。 2 two numbers, as it does in 1. 2 (fuzz 3971cd54)
	{"keep", "中文1 。2 a b!", "中文1 。2 a b!", Normalizer{}},                       // on either side of the stop (fuzz 8e0dcdb2)
	{RulePunctuationSpace, "中文1。 二", "中文1。二", Normalizer{}},                    // but goes where no number follows
	{"keep", "见src/main.go:12", "见src/main.go:12", Normalizer{}},
	{"keep", "我很开心:)", "我很开心:)", Normalizer{}},
	{"keep", "难过:-(", "难过:-(", Normalizer{}},
	{"keep", "眨眼;)", "眨眼;)", Normalizer{}},
	{"keep", "哈哈 :D", "哈哈 :D", Normalizer{}},
	{RulePunctuation, "哈:D !", "哈：D！", Normalizer{}},          // ! takes the space, and :D! is no emoticon, spaced or not (fuzz 237b8410)
	{RulePunctuationSpace, "哈哈 :) !", "哈哈 :)！", Normalizer{}}, // :)! is one
	{RuleBrackets, "（:） A", "(:） A", Normalizer{}},            // an emoticon's ） keeps its space, as ) would: :）A is no emoticon (seed cb55f710)
	{"keep", "(0#(00）:） 0", "(0#(00）:） 0", Normalizer{}},      // and it is kept, so the pair it closes is decided alike (fuzz cc68547d)
	{"keep", "我和我的小伙伴们都笑了。:smile:", "我和我的小伙伴们都笑了。:smile:", Normalizer{}},
	{"keep", "赞:+1:", "赞:+1:", Normalizer{}},
	{"keep", "反对:-1:谢谢", "反对:-1:谢谢", Normalizer{}},
	{"keep", "满分:100:", "满分:100:", Normalizer{}},
	{"keep", "笑:smile::joy:哭", "笑:smile::joy:哭", Normalizer{}},
	{"keep", "好的 :white_check_mark: 完成", "好的 :white_check_mark: 完成", Normalizer{}},
	{RulePunctuation, "表情:smile:,真好", "表情:smile:，真好", Normalizer{}},
	{RulePunctuation, "比例:1:2", "比例：1:2", Normalizer{}},
	{RulePunctuation, "注意:Smile:", "注意：Smile：", Normalizer{}},
	{"keep", `{{< quote author="一位名人" source="他们写的书" >}}`, `{{< quote author="一位名人" source="他们写的书" >}}`, Normalizer{}},
	{"keep", `{{< douban type="book" title="最近读过">}}`, `{{< douban type="book" title="最近读过">}}`, Normalizer{}},
	{"keep", `{{% notice tip "提示:注意" %}}`, `{{% notice tip "提示:注意" %}}`, Normalizer{}},
	{"keep", `{% include note.html content="中文,内容" %}`, `{% include note.html content="中文,内容" %}`, Normalizer{}},
	{"keep", "{{<  figure  src=\"a.png\" >}}", "{{<  figure  src=\"a.png\" >}}", Normalizer{}},
	{RuleQuotes, `他说"你好"{{< br >}}`, `他说“你好”{{< br >}}`, Normalizer{}},
	{RulePunctuation, "集合{1,2}中,有", "集合{1,2}中，有", Normalizer{}},
	{"keep", "可能会让你感到不适 ;(", "可能会让你感到不适 ;(", Normalizer{}},
	{"keep", "见[文档](https://example.com/a)了", "见[文档](https://example.com/a)了", Normalizer{}},
	{"keep", "还有[链接](./b.md)和![图](c.png)", "还有[链接](./b.md)和![图](c.png)", Normalizer{}},
	{"keep", "见[维基](https://zh.wikipedia.org/wiki/Go_(language))", "见[维基](https://zh.wikipedia.org/wiki/Go_(language))", Normalizer{}},
	{RulePunctuation, "接]( !!和", "接](！!和", Normalizer{Space: true}}, // a link target ends at a full-width mark, spaced or not (fuzz 6d2153b6)
	{RuleCJKSpace, "见[演讲](https://example.com)。", "见[演讲](https://example.com)。", Normalizer{Space: true}},
	{"keep", "好![图](a.png)", "好![图](a.png)", Normalizer{}},
	{RulePunctuation, "真好!", "真好！", Normalizer{}},
	{"keep", "格式是%s和%d", "格式是%s和%d", Normalizer{}},
	{"keep", "输出%5.2f,好", "输出%5.2f，好", Normalizer{}},
	{"keep", "变量${name}的值", "变量${name}的值", Normalizer{}},
	{"keep", "第{0}个,共{1}个", "第{0}个，共{1}个", Normalizer{}},
	{RulePunctuation, "中{0. }", "中{0。}", Normalizer{Space: true}},   // {0。} is no placeholder: one is typed in ASCII (fuzz 3837b5ac)
	{RulePunctuation, "中{0. _}", "中{0。_}", Normalizer{Space: true}}, // (fuzz 2ce07a8b)
	{"keep", "中{0.}", "中{0.}", Normalizer{}},
	{"keep", "模板{{ .Title }}里", "模板{{ .Title }}里", Normalizer{}},
	{"keep", "版本v1.2.3发布", "版本v1.2.3发布", Normalizer{}},
	{"keep", "利率4.35%", "利率4.35%", Normalizer{}},
	{"keep", "比例1/2", "比例1/2", Normalizer{}},
	{"keep", "8000吨/年", "8000吨/年", Normalizer{}},
	{"keep", "度／百分比", "度／百分比", Normalizer{}},
	{"keep", "IP是192.168.1.1", "IP是192.168.1.1", Normalizer{}},

	// RuleBrackets.
	{RuleBrackets, "核磁共振成像(NMRI)是什么", "核磁共振成像（NMRI）是什么", Normalizer{}},
	{RuleBrackets, "HFO-1234yf(四氟丙烯)制冷剂", "HFO-1234yf（四氟丙烯）制冷剂", Normalizer{}},
	{RuleBrackets, "氢氟碳化物(HFC)制冷剂", "氢氟碳化物（HFC）制冷剂", Normalizer{}},
	{RuleBrackets, "交易代码(600160)", "交易代码（600160）", Normalizer{}},
	{RuleBrackets, "(注)这是说明", "（注）这是说明", Normalizer{}},
	{RuleBrackets, "亚信科技（中国)有限公司", "亚信科技（中国）有限公司", Normalizer{}},
	{RuleBrackets, "亚信科技(中国）有限公司", "亚信科技（中国）有限公司", Normalizer{}},
	{RuleBrackets, "外(内(中)外)外", "外（内（中）外）外", Normalizer{}},
	{RuleBrackets, "Go（Golang）is fun", "Go(Golang)is fun", Normalizer{}},
	{RuleBrackets, "Faraday Future (FF)于今日举办", "Faraday Future (FF)于今日举办", Normalizer{}},
	{"keep", "调用foo()即可", "调用foo()即可", Normalizer{}},
	{"keep", "函数f(x)的值", "函数f(x)的值", Normalizer{}},
	{"keep", "第1)步", "第1)步", Normalizer{}},
	{"keep", "划分好的 (3，5]，(5，8]，(8，20] 为例", "划分好的 (3，5]，(5，8]，(8，20] 为例", Normalizer{}},
	{"keep", "范围是 [0，6)，region2 的范围是 [6，30)，由于", "范围是 [0，6)，region2 的范围是 [6，30)，由于", Normalizer{}},
	{RuleBrackets, "见[注(一)]说明", "见[注（一）]说明", Normalizer{}},
	{"keep", "(未闭合的括号", "(未闭合的括号", Normalizer{}},
	{"keep", "(NMRI)", "(NMRI)", Normalizer{}},
	{"keep", "（NMRI）", "（NMRI）", Normalizer{}},
	{"keep", "a (b) c", "a (b) c", Normalizer{}},

	// RuleQuotes.
	{RuleQuotes, `他说"你好"`, "他说“你好”", Normalizer{}},
	{RuleQuotes, `他说"hello world"吧`, "他说“hello world”吧", Normalizer{}},
	{RuleQuotes, `跟我说 "喵" 了哎`, "跟我说“喵”了哎", Normalizer{}},
	{RuleQuotes, "”反了“的引号", "“反了”的引号", Normalizer{}},
	{RuleQuotes, `“混合"的引号`, "“混合”的引号", Normalizer{}},
	{RuleQuotes, `"一"和"二"`, "“一”和“二”", Normalizer{}},
	{"keep", `He said "hello" to me`, `He said "hello" to me`, Normalizer{}},
	{"keep", "He said “hello“ to me", "He said “hello“ to me", Normalizer{}},
	{"keep", `他说"你好`, `他说"你好`, Normalizer{}},
	{"keep", "「老师，『有条不紊』的『紊』是什么意思？」", "「老师，『有条不紊』的『紊』是什么意思？」", Normalizer{}},
	{"keep", "“老师，‘有条不紊’的‘紊’是什么意思？”", "“老师，‘有条不紊’的‘紊’是什么意思？”", Normalizer{}},

	// RuleLatinPunctuation.
	{RuleLatinPunctuation, "「Stay hungry，stay foolish。」", "「Stay hungry, stay foolish.」", Normalizer{}},
	{RuleLatinPunctuation, "乔布斯那句话是怎么说的？「Stay hungry，stay foolish。」", "乔布斯那句话是怎么说的？「Stay hungry, stay foolish.」", Normalizer{}},
	{RuleLatinPunctuation, "推荐你阅读《Hackers＆Painters：Big Ideas from the Computer Age》，非常的有趣。", "推荐你阅读《Hackers&Painters: Big Ideas from the Computer Age》，非常的有趣。", Normalizer{}},
	{RuleLatinPunctuation, "Hello，world！", "Hello, world!", Normalizer{}},
	{RuleLatinPunctuation, "Is it true？", "Is it true?", Normalizer{}},
	{RuleLatinPunctuation, "３．１４", "3.14", Normalizer{}},
	{RuleLatinPunctuation, "时间是10：30", "时间是10:30", Normalizer{}},
	{RuleLatinPunctuation, "2022年1月23日 20：41", "2022年1月23日 20:41", Normalizer{}},
	{RuleLatinPunctuation, "比分是3：2", "比分是3:2", Normalizer{}},
	{"keep", "我喜欢Go，Python和Rust。", "我喜欢Go，Python和Rust。", Normalizer{}},
	{"keep", "第1，2章", "第1，2章", Normalizer{}},
	{"keep", "使用 Go。", "使用 Go。", Normalizer{}},
	{"keep", "不知道？JFGI！", "不知道？JFGI！", Normalizer{}},

	// RuleFullwidth.
	{RuleFullwidth, "Ｗｉｎｄｏｗｓ系统", "Windows系统", Normalizer{}},
	{RuleFullwidth, "ｉＰｈｏｎｅ１３", "iPhone13", Normalizer{}},
	{RuleFullwidth, "ＡＢＣ－１２３", "ABC-123", Normalizer{}},
	{RuleFullwidth, "１００％", "100%", Normalizer{}},
	{RuleFullwidth, "＄１００", "$100", Normalizer{}},
	{RuleFullwidth, "ａ＋ｂ＝ｃ", "a+b=c", Normalizer{}},
	{RuleFullwidth, "ｕｓｅｒ＠ｅｘａｍｐｌｅ", "user@example", Normalizer{}},
	{RuleFullwidth, "Ｃ＃语言", "C#语言", Normalizer{}},
	{RuleFullwidth, "ａ［０］", "a[0]", Normalizer{}},
	{RuleFullwidth, "ＡＢ＋＋", "AB++", Normalizer{}},
	{RuleFullwidth, "第１名", "第1名", Normalizer{}},
	{"keep", "价格１０～２０元", "价格10～20元", Normalizer{}},
	{"keep", "中＃文", "中＃文", Normalizer{}},

	// RuleKatakana.
	{RuleKatakana, "ｶﾀｶﾅ", "カタカナ", Normalizer{}},
	{RuleKatakana, "ｶﾞｷﾞｸﾞ", "ガギグ", Normalizer{}},
	{RuleKatakana, "ﾊﾟﾝ", "パン", Normalizer{}},
	{RuleKatakana, "ｺｰﾋｰ", "コーヒー", Normalizer{}},
	{RuleKatakana, "ｳﾞｧｲｵﾘﾝ", "ヴァイオリン", Normalizer{}},
	{RuleKatakana, "｢ﾃｽﾄ｣", "「テスト」", Normalizer{}},
	{RuleKatakana, "ﾃｽﾄ､ﾃｽﾄ｡", "テスト、テスト。", Normalizer{}},
	{RuleKatakana, "ﾞ", "゛", Normalizer{}},

	// RuleEllipsis.
	{RuleEllipsis, "等等...然后", "等等……然后", Normalizer{}},
	{RuleEllipsis, "然后。。。", "然后……", Normalizer{}},
	{RuleEllipsis, "好…", "好……", Normalizer{}},
	{RuleEllipsis, "这个......", "这个……", Normalizer{}},
	{RuleEllipsis, "...然后呢", "……然后呢", Normalizer{}},
	{RuleEllipsis, "他说 ... 然后", "他说……然后", Normalizer{}},
	{RuleEllipsis, "真的吗?...", "真的吗？……", Normalizer{}},
	{"keep", "好……", "好……", Normalizer{}},
	{"keep", "Wait...", "Wait...", Normalizer{}},
	{"keep", "Wait... 你好", "Wait... 你好", Normalizer{}},
	{"keep", "from 1...10", "from 1...10", Normalizer{}},
	{"keep", "Wait…", "Wait…", Normalizer{}},
	{"keep", "中文..", "中文..", Normalizer{}},

	// RuleDash.
	{RuleDash, "中文--中文", "中文——中文", Normalizer{}},
	{RuleDash, "中文 -- 中文", "中文——中文", Normalizer{}},
	{RuleDash, "这是——破折号", "这是——破折号", Normalizer{}},
	{"keep", "a--b", "a--b", Normalizer{}},
	{"keep", "中文-中文", "中文-中文", Normalizer{}},
	{"keep", "--flag 参数", "--flag 参数", Normalizer{}},
	{"keep", "Python -- a language", "Python -- a language", Normalizer{}},

	// RuleMiddleDot.
	{RuleMiddleDot, "卡尔•马克思", "卡尔·马克思", Normalizer{}},
	{RuleMiddleDot, "列夫‧托尔斯泰", "列夫·托尔斯泰", Normalizer{}},
	{RuleMiddleDot, "威廉・莎士比亚", "威廉·莎士比亚", Normalizer{}},
	{RuleMiddleDot, "阿尔伯特･爱因斯坦", "阿尔伯特·爱因斯坦", Normalizer{}},
	{"keep", "• 列表项", "• 列表项", Normalizer{}},
	{"keep", "A•B", "A•B", Normalizer{}},
	{"keep", "コーヒー・ブレイク", "コーヒー・ブレイク", Normalizer{}},

	// RulePunctuationSpace.
	{RulePunctuationSpace, "你好 ，世界", "你好，世界", Normalizer{}},
	{RulePunctuationSpace, "你好， 世界", "你好，世界", Normalizer{}},
	{RulePunctuationSpace, "iPhone ，好开心", "iPhone，好开心", Normalizer{}},
	{RulePunctuationSpace, "这是 （一个） 例子", "这是（一个）例子", Normalizer{}},
	{RulePunctuationSpace, "他说 “你好” 然后", "他说“你好”然后", Normalizer{}},
	{RulePunctuationSpace, "等等 …… 然后", "等等……然后", Normalizer{}},
	{RulePunctuationSpace, "阅读 《三体》 这本书", "阅读《三体》这本书", Normalizer{}},
	{RulePunctuationSpace, "使用 GitHub 。", "使用 GitHub。", Normalizer{}},
	{"keep", "He said “hello” to me", "He said “hello” to me", Normalizer{}},
	{"keep", "A — B", "A — B", Normalizer{}},
	{RulePunctuationSpace, "…… … 0", "………0", Normalizer{}}, // "…… …" is one run of ellipses (fuzz 9ce4a671)
	{RuleEllipsis, "。 。。", "……", Normalizer{}},             // the run punctuation-space makes of it (fuzz 53615d67)
	{RuleEllipsis, "他说。 。 。 。", "他说……", Normalizer{}},
	{RuleEllipsis, "。 。。 0", "……0", Normalizer{}}, // the run's spaces go with it, as punctuation-space would take them
	{RuleEllipsis, "。。 。 0", "……0", Normalizer{}},
	{RulePunctuationSpace, "他说。 。", "他说。。", Normalizer{}}, // two marks: no ellipsis in either pass
	{RuleEllipsis, "国. . .", "国……", Normalizer{}},         // the marks come out as 。 with their spaces gone: one run, as the next pass reads it (fuzz a6631ce3)
	{RuleEllipsis, "他说. 。 .", "他说……", Normalizer{}},       // either width
	{RuleEllipsis, "他说。.。", "他说……", Normalizer{}},         // or no space at all
	{RulePunctuation, "国. .", "国。。", Normalizer{}},        // two marks: no ellipsis in either pass
	{"keep", "A . . .", "A . . .", Normalizer{}},          // English: the dots and their spaces stay
	{RuleEllipsis, "他说. . . ..", "他说……..", Normalizer{}},  // a run of two dots stays as it is, and ends the row
	{RuleEllipsis, "。。 。/", "……/", Normalizer{}},          // protection reads the spaced run as one too: "./" starts no path in "..." (fuzz 8c98e940)
	{RulePunctuationSpace, "。 。/", "。。/", Normalizer{}},   // where "../" does
	{RulePunctuation, "国. /!", "国. /！", Normalizer{}},     // a dot and a slash are "./" with the space or without, as 国。/ reads (fuzz 64c3d9a6)
	{RulePunctuation, "国。 /!", "国。/！", Normalizer{}},
	{RulePunctuationSpace, "他#. 。/!", "他#.。/!", Normalizer{}},          // and a dot, spaces and a dot are one word, "#../" (fuzz f1ae51a8)
	{RulePunctuationSpace, `他/ 。"0`, `他/。"0`, Normalizer{Space: true}}, // and a slash, spaces and a dot: "/." (fuzz 5e5d0db7), no path unless a name follows
	{RulePunctuationSpace, "他/。 #", "他/。#", Normalizer{Space: true}},   // (fuzz f8d454b4)
	{RulePunctuationSpace, "他/。。 #", "他/。。#", Normalizer{Space: true}}, // (fuzz cf61c94c)
	{RulePunctuationSpace, `他/。 "`, `他/。"`, Normalizer{Space: true}},   // "/." and a quote: no path, with the space or without (fuzz 616187e9)
	{RulePunctuationSpace, "/A。 #他", "/A。#他", Normalizer{Space: true}}, // a path ends at a dot that no name follows: "/A", with the space or without (seed c9d2fc1b)
	{RulePunctuation, "他/A! #他", "他 /A！#他", Normalizer{Space: true}},   // and at ! or ? that no letter or digit follows (seed 2f222dac)
	{"keep", "。 ", "。 ", Normalizer{}},
	{"keep", "a ＃", "a ＃", Normalizer{}},
	{"keep", "中文 ＃ 中文", "中文 ＃ 中文", Normalizer{}},
	{"all", "\xef\xbc0 ＃", "\uFFFD\uFFFD0 ＃", Normalizer{}},
	{"keep", "  ，缩进", "  ，缩进", Normalizer{}},

	// RuleCollapseSpace.
	{RuleCollapseSpace, "a  b", "a b", Normalizer{}},
	{RuleCollapseSpace, "a   b    c", "a b c", Normalizer{}},
	{RuleCollapseSpace, "中文  English", "中文 English", Normalizer{}},
	{RuleCollapseSpace, "End.  Next", "End. Next", Normalizer{}},
	{"keep", "    indented code-like line", "    indented code-like line", Normalizer{}},
	{"keep", "trailing  ", "trailing  ", Normalizer{}},
	{"keep", "a\u00a0\u00a0b", "a\u00a0\u00a0b", Normalizer{}},
	{"keep", "a\tb", "a\tb", Normalizer{}},
	{"keep", "中文\u3000\u3000中文", "中文\u3000\u3000中文", Normalizer{}},
	{"keep", "line one\nline two", "line one\nline two", Normalizer{}},

	// RuleInvisible.
	{RuleInvisible, "\ufeff你好", "你好", Normalizer{}},
	{RuleInvisible, "你\u200b好", "你好", Normalizer{}},
	{RuleInvisible, "a\u0000b\u0007c", "abc", Normalizer{}},
	{RuleInvisible, "a\u0085b", "ab", Normalizer{}},
	{RuleInvisible, "a\u2060b", "ab", Normalizer{}},
	{RuleInvisible, "中\u200d文", "中文", Normalizer{}},
	{RuleInvisible, "a\x7fb", "ab", Normalizer{}},
	{"keep", "👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧", Normalizer{}},
	{"keep", "❤\ufe0f", "❤\ufe0f", Normalizer{}},
	{"keep", "👍🏽", "👍🏽", Normalizer{}},
	{"keep", "1\ufe0f\u20e3", "1\ufe0f\u20e3", Normalizer{}},
	{"keep", "می\u200cخواهم", "می\u200cخواهم", Normalizer{}},
	{"keep", "a\r\nb", "a\r\nb", Normalizer{}},

	// RuleNFC.
	{RuleNFC, "Cafe\u0301", "Café", Normalizer{}},
	{RuleNFC, "カ\u3099", "ガ", Normalizer{}},
	{RuleNFC, "\u1100\u1161", "가", Normalizer{}},
	{"keep", "Café", "Café", Normalizer{}},
	{"keep", "\uf900", "\uf900", Normalizer{}},

	// RuleCJKSpace, only with Space.
	{RuleCJKSpace, "使用Go语言", "使用 Go 语言", Normalizer{Space: true}},
	{RuleCJKSpace, "在LeanCloud上，数据存储", "在 LeanCloud 上，数据存储", Normalizer{Space: true}},
	{RuleCJKSpace, "今天出去买菜花了5000元。", "今天出去买菜花了 5000 元。", Normalizer{Space: true}},
	{RuleCJKSpace, "新MacBook Pro有15%的CPU性能提升", "新 MacBook Pro 有 15% 的 CPU 性能提升", Normalizer{Space: true}},
	{RuleCJKSpace, "刚刚买了一部iPhone，好开心！", "刚刚买了一部 iPhone，好开心！", Normalizer{Space: true}},
	{RuleCJKSpace, "详见https://example.com了解", "详见 https://example.com 了解", Normalizer{Space: true}},
	{RuleCJKSpace, "日本語とEnglish", "日本語とEnglish", Normalizer{Space: true, Profile: ProfileJapanese}},
	{"keep", "使用Go语言", "使用Go语言", Normalizer{}},
	{"keep", "在 LeanCloud 上", "在 LeanCloud 上", Normalizer{Space: true}},
	{"keep", "我家的光纤入户宽带有 10Gbps，SSD 一共有 10TB。", "我家的光纤入户宽带有 10Gbps，SSD 一共有 10TB。", Normalizer{Space: true}},
	{"keep", "한국어English", "한국어English", Normalizer{Space: true}},

	// Profiles.
	{RulePunctuation, "日本語,テスト.", "日本語、テスト。", Normalizer{Profile: ProfileJapanese}},
	{RulePunctuation, "本当?", "本当？", Normalizer{Profile: ProfileJapanese}},
	{RuleBrackets, "東京(とうきょう)", "東京（とうきょう）", Normalizer{Profile: ProfileJapanese}},
	{"keep", "これは、テストです。", "これは、テストです。", Normalizer{Profile: ProfileJapanese}},
	{"keep", "コーヒー・ブレイク", "コーヒー・ブレイク", Normalizer{Profile: ProfileJapanese}},
	{"keep", "山田・太郎", "山田・太郎", Normalizer{Profile: ProfileJapanese}},
	{"keep", "学術論文，句読点．", "学術論文，句読点．", Normalizer{Profile: ProfileJapanese}},
	{RulePunctuation, "繁體中文,測試.", "繁體中文，測試。", Normalizer{Profile: ProfileTraditional}},
	{"keep", "「你好」，他說。", "「你好」，他說。", Normalizer{Profile: ProfileTraditional}},
	{RuleQuotes, `他說"你好"`, "他說“你好”", Normalizer{Profile: ProfileTraditional}},
	{RuleMiddleDot, "卡爾•馬克思", "卡爾·馬克思", Normalizer{Profile: ProfileTraditional}},

	// Disable switches a rule off and leaves the others.
	{"keep", "他说:你好", "他说:你好", Normalizer{Disable: []RuleName{RulePunctuation}}},
	{"keep", "ＡＢＣ", "ＡＢＣ", Normalizer{Disable: []RuleName{RuleFullwidth}}},
	{"keep", "亚信科技(中国)有限公司", "亚信科技(中国)有限公司", Normalizer{Disable: []RuleName{RuleBrackets}}},
	{"keep", `他说"你好"`, `他说"你好"`, Normalizer{Disable: []RuleName{RuleQuotes}}},
	{"keep", "等等...然后", "等等...然后", Normalizer{Disable: []RuleName{RuleEllipsis}}},
	{"keep", "中文--中文", "中文--中文", Normalizer{Disable: []RuleName{RuleDash}}},
	{"keep", "卡尔•马克思", "卡尔•马克思", Normalizer{Disable: []RuleName{RuleMiddleDot}}},
	{"keep", "你好 ，世界", "你好 ，世界", Normalizer{Disable: []RuleName{RulePunctuationSpace}}},
	{"keep", "a  b", "a  b", Normalizer{Disable: []RuleName{RuleCollapseSpace}}},
	{"keep", "\ufeffa", "\ufeffa", Normalizer{Disable: []RuleName{RuleInvisible}}},
	{"keep", "ｶﾀｶﾅ", "ｶﾀｶﾅ", Normalizer{Disable: []RuleName{RuleKatakana}}},
	{"keep", "Cafe\u0301", "Cafe\u0301", Normalizer{Disable: []RuleName{RuleNFC}}},
	{"keep", "Hello，world！", "Hello，world！", Normalizer{Disable: []RuleName{RuleLatinPunctuation}}},
	{"keep", "使用Go语言", "使用Go语言", Normalizer{Space: true, Disable: []RuleName{RuleCJKSpace}}},
	{RulePunctuation, "他说:(你好)", "他说：(你好)", Normalizer{Disable: []RuleName{RuleBrackets}}},

	// Sentence language: a parenthetical belongs to the sentence around
	// it; numbers and code are not English words; a label is unknown.
	{"keep", "representation(REP) 和 abstract(ABS)。abstract 是", "representation(REP) 和 abstract(ABS)。abstract 是", Normalizer{}},
	{"keep", "A1：2023年是人工智能", "A1：2023年是人工智能", Normalizer{}},
	{"keep", "Markdown：", "Markdown：", Normalizer{}},
	{"keep", "范围分别是：[2，5]，[8，8]，[10，13]", "范围分别是：[2，5]，[8，8]，[10，13]", Normalizer{}},
	{"keep", "JFGI!", "JFGI!", Normalizer{}},
	{RuleLatinPunctuation, "上课时间为周五下午 2：20 – 4：20", "上课时间为周五下午 2:20 – 4:20", Normalizer{}},
	{RuleLatinPunctuation, "（Reinforcement Learning from Human Feedback， RLHF）", "（Reinforcement Learning from Human Feedback, RLHF）", Normalizer{}},
	{RuleLatinPunctuation, "Programming in C， Fourth Edition", "Programming in C, Fourth Edition", Normalizer{}},
	{RuleMiddleDot, "山田・太郎", "山田·太郎", Normalizer{}},
	{"keep", "山田・太郎です", "山田・太郎です", Normalizer{}},

	// Everything at once, in one pass.
	{"all", "ＡＢＣ公司(中国)宣布:２０２２年营收增长３３．８０％...", "ABC公司（中国）宣布：2022年营收增长33.80%……", Normalizer{}},
	{"all", "\ufeff据报道,HFO-1234yf(四氟丙烯)是第四代制冷剂.", "据报道，HFO-1234yf（四氟丙烯）是第四代制冷剂。", Normalizer{}},
	{"all", "离岸人民币兑美元升至6.3512,为2018年以来最高水平.", "离岸人民币兑美元升至6.3512，为2018年以来最高水平。", Normalizer{}},
	{"all", "Faraday Future (FF)于今日举办的线上投资者沟通交流会上,首次披露公司IPO后的财务状况.", "Faraday Future (FF)于今日举办的线上投资者沟通交流会上，首次披露公司IPO后的财务状况。", Normalizer{}},
	{"all", "摩根士丹利分析师Katy Huberty维持了对苹果的\"增持\"评级(较最新收盘价高近17%).", "摩根士丹利分析师Katy Huberty维持了对苹果的“增持”评级（较最新收盘价高近17%）。", Normalizer{}},
	{"all", "在LeanCloud上,数据存储是围绕AVObject进行的.", "在 LeanCloud 上，数据存储是围绕 AVObject 进行的。", Normalizer{Space: true}},
	{"all", "", "", Normalizer{}},
	{"all", "plain ASCII text, nothing to do.", "plain ASCII text, nothing to do.", Normalizer{}},
}

func TestNormalizeString(t *testing.T) {
	if len(normalizeTests) < 200 {
		t.Errorf("only %d cases; issue 3 asks for at least 200", len(normalizeTests))
	}
	for _, tt := range normalizeTests {
		got := tt.opt.NormalizeString(tt.in)
		if got != tt.want {
			t.Errorf("%s: NormalizeString(%q) = %q, want %q", tt.rule, tt.in, got, tt.want)
		}
		if again := tt.opt.NormalizeString(got); again != got {
			t.Errorf("%s: not a fixed point: %q → %q → %q", tt.rule, tt.in, got, again)
		}
		if !utf8.ValidString(got) {
			t.Errorf("%s: NormalizeString(%q) is not UTF-8", tt.rule, tt.in)
		}
	}
}

// TestNormalizeStringInvalidUTF8 checks that bad bytes come out as U+FFFD.
func TestNormalizeStringInvalidUTF8(t *testing.T) {
	got := NormalizeString("a\xffb")
	if got != "a\uFFFDb" {
		t.Errorf("got %q, want %q", got, "a\uFFFDb")
	}
}

// TestNormalizeStringNoAlloc checks the ASCII fast path.
func TestNormalizeStringNoAlloc(t *testing.T) {
	s := "Plain English text, with punctuation. And numbers: 3.14!"
	if n := testing.AllocsPerRun(100, func() { NormalizeString(s) }); n != 0 {
		t.Errorf("NormalizeString of clean ASCII allocates %v times", n)
	}
}

func TestRules(t *testing.T) {
	seen := map[RuleName]bool{}
	for i, r := range Rules() {
		if seen[r] {
			t.Errorf("rule %q twice", r)
		}
		seen[r] = true
		if got := ruleOf(1 << i); got != r {
			t.Errorf("ruleOf(bit %d) = %q, want %q", i, got, r)
		}
	}
}
