// Clipboard HTML in the shapes Word, 한글 (HWP), Google Docs and web pages write it, with our
// own text: for the paste unit test and the editor's e2e test (pasted through Chromium).
export const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=KO style='tab-interval:40.0pt'><!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span lang=KO>마을 도서관이 문을 열다</span></h1>
<p class=MsoNormal><span lang=KO style='font-size:11.0pt;font-family:"맑은 고딕"'>새 도서관은 <b>토요일</b>에도 <i>저녁까지</i> 엽니다.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:40.0pt;text-indent:-20.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Wingdings;mso-list:Ignore'>§<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span lang=KO>어린이 열람실</span></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:80.0pt;text-indent:-20.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span><![endif]><span lang=KO>그림책 코너</span></p>
<p class=MsoListParagraphCxSpLast style='margin-left:40.0pt;text-indent:-20.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>§<span>&nbsp;&nbsp; </span></span><!--[endif]--><span lang=KO>조용한 독서실</span></p>
<p class=MsoNormal>개관 순서:</p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><![endif]>축사</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp;</span></span><![endif]>테이프 자르기</p>
<p class=MsoNormal><span style='font-weight:bold'>문의</span>: <a href="https://library.example/info">도서관 안내</a>, <a href="file:///C:/Users/x/doc.docx">내 파일</a></p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape><v:imagedata src="file:///C:/Users/x/AppData/image001.png"/></v:shape><![endif]--><![if !vml]><img width=300 height=200 src="file:///C:/Users/x/AppData/image001.png"><![endif]></p>
<table class=MsoTableGrid border=1 cellspacing=0 style='border-collapse:collapse'><tr><td width=200 style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>요일</b></p></td><td colspan=2><p class=MsoNormal><b>시간</b></p></td></tr>
<tr><td><p class=MsoNormal>토요일</p></td><td><p class=MsoNormal>9시</p></td><td><p class=MsoNormal>18시</p></td></tr></table>
<!--EndFragment--></body></html>`;

export const HWP = `<HTML><HEAD><STYLE>P.HStyle0 {line-height:160%; font-size:10.0pt;}</STYLE></HEAD><BODY>
<P CLASS=HStyle0 STYLE="text-align:center;"><SPAN STYLE='font-size:16.0pt;font-weight:"bold";line-height:160%'>장터에 봄이 왔다</SPAN></P>
<P CLASS=HStyle0><SPAN STYLE='font-family:"함초롬바탕"'>이른 아침부터&nbsp;&nbsp;사람들이 모였다. </SPAN><SPAN STYLE='font-weight:bold'>냉이</SPAN><SPAN>와 </SPAN><SPAN STYLE='font-style:italic'>달래</SPAN><SPAN>가 많다.</SPAN></P>
<P CLASS=HStyle0>&nbsp;</P>
<TABLE border="1" cellspacing="0" cellpadding="0" style='border-collapse:collapse;border:none;'>
<TR><TD valign="middle" style='width:100px;border-left:solid #000000 0.4pt;'><P CLASS=HStyle0 STYLE='text-align:center;'>품목</P></TD>
<TD valign="middle" rowspan="2" style='width:100px;'><P CLASS=HStyle0>값</P></TD></TR>
<TR><TD><P CLASS=HStyle0>냉이</P></TD></TR></TABLE>
</BODY></HTML>`;

export const GDOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-4b1f2c3d-7fff-1a2b-3c4d-5e6f7a8b9c0d"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;"><span style="font-size:16pt;font-family:Arial;font-weight:400;">행사 일정</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;"><span style="font-size:11pt;font-family:Arial;font-weight:400;">올해 축제는 </span><span style="font-size:11pt;font-family:Arial;font-weight:700;">사흘</span><span style="font-size:11pt;font-family:Arial;font-weight:400;"> 동안 </span><span style="font-size:11pt;font-family:Arial;font-style:italic;font-weight:400;">강변 공원</span><span style="font-size:11pt;font-family:Arial;font-weight:400;">에서 열린다.</span></p><br><ul style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;" role="presentation"><span style="font-size:11pt;">첫날: 노래자랑</span></p></li><li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-size:11pt;">둘째 날: 씨름</span></p></li></ul><ol><li><p><span>접수</span></p></li></ol></b><br class="Apple-interchange-newline">`;

export const WEB = `<div class="article"><h1 class="title">강변 산책길 새로 단장</h1><script>track()</script><style>.x{}</style>
<iframe src="https://ads.example/x"></iframe>
<div>산책길이 <strong>두 배</strong>로 넓어졌다.</div><div><div>안쪽 문단.</div></div>
<h4>주민 반응</h4><blockquote><p>“걷기 좋아졌어요.”</p></blockquote>
<p><a href="javascript:alert(1)">나쁜 링크</a> <a href="mailto:desk@news.example">제보</a> <a href="/relative">상대 주소</a></p>
<p><img src="https://other.example/photo.jpg" alt="남의 사진"><img src="https://news.example/media/uploads/a.jpg" alt="우리 사진"></p>
<p>밑줄 <u>글</u>, <code>코드</code>, <span style="color:red">빨강</span></p><p></p><p><br></p>
<table><thead><tr><th>구간</th><th>길이</th></tr></thead><tbody><tr><td>1구간</td><td>2km</td></tr></tbody></table></div>`;
