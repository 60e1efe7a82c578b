// The sample site's Korean: all invented for this project, pieced together from short phrases so
// that sixty posts (and a million filled ones) read like a community portal without copying one.

/** A small deterministic PRNG (mulberry32): the same sample on every machine. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  return { next, int, pick };
}
export type Rng = ReturnType<typeof seeded>;

export const PLACES = ["연길시", "용정시", "도문시", "훈춘시", "화룡시", "왕청현", "안도현", "돈화시"] as const;

export const NEWS_TOPICS: Record<string, readonly string[]> = {
  정치: ["인민대표대회 대표 선거", "시정부 업무 보고", "주민자치 회의", "새 조례안 공청회", "예산안 심의"],
  경제: ["농산물 직거래 장터", "사과배 수출", "관광객 수", "전자상거래 교육", "중소기업 대출 지원"],
  사회: ["노인 돌봄 봉사", "겨울철 난방 점검", "초등학교 급식 개선", "버스 노선 개편", "하천 정비 공사"],
  문화: ["민속 축제", "가요 경연 대회", "도서관 독서 주간", "전통 음식 전시회", "청소년 사진 공모전"],
};

export const NEWS_ENDINGS = ["본격 시작", "성황리에 마쳐", "주민 의견 모은다", "지난해보다 늘어", "이달 말까지 연장", "새 단장 마쳐", "준비 한창"] as const;

export const FREE_TITLES = [
  "주말에 등산 가실 분 계신가요",
  "김치 담그는 법 좀 알려주세요",
  "이사 왔는데 동네 맛집 추천 부탁드립니다",
  "중고 자전거 팝니다",
  "아이 학원 어디 보내세요?",
  "오늘 날씨 정말 춥네요",
  "휴대폰 요금제 바꾸신 분 후기 부탁해요",
  "강아지 산책 모임 만들어요",
  "주차 문제로 이웃과 다퉜습니다",
  "시장에서 산 사과가 정말 달아요",
  "운전면허 시험 합격했어요",
  "혹시 잃어버린 지갑 보신 분",
  "여름 휴가 어디로 가시나요",
  "집에서 만드는 냉면 비법",
  "동창회 날짜 정했습니다",
  "컴퓨터가 갑자기 안 켜져요",
] as const;

// Words only CP949 has (not in the 2,350 syllables of KS X 1001): the old board's slang, which
// an EUC-KR decoder turns into garbage and a CP949 one reads.
export const OLD_TITLES = [
  "햏햏 오늘도 출석합니다",
  "똠양꿍 처음 먹어본 후기",
  "뷁! 서버가 또 느려요",
  "햏자들 정모 공지",
  "똠방각하 드라마 다시 보기",
  "게시판 이사 기념 인사",
  "홈페이지 방명록 옮겼어요",
  "쌩뚱맞은 질문 하나 햏",
  "전화 모뎀 시절이 그립네요",
  "싸이 미니홈피 대문 바꿨어요",
] as const;

export const NICKNAMES = [
  "해바라기", "산책하는곰", "두만강물결", "바람소리", "커피한잔", "진달래", "새벽별",
  "책읽는고양이", "구름나그네", "솔향기", "밤하늘", "자전거소년",
] as const;

export const OLD_NICKNAMES = ["햏인", "똠똠이", "뷁뷁", "옛날사람"] as const;

export const SENTENCES = [
  "올해 행사에는 지난해보다 많은 주민이 참여해 눈길을 끌었다.",
  "관계자는 앞으로도 주민들의 목소리에 귀를 기울이겠다고 밝혔다.",
  "현장을 찾은 시민들은 대체로 만족스럽다는 반응을 보였다.",
  "일부 주민은 안내가 부족했다며 아쉬움을 나타내기도 했다.",
  "시는 다음 달까지 세부 계획을 마련해 발표할 예정이다.",
  "전문가들은 장기적인 관점에서 꾸준한 투자가 필요하다고 지적했다.",
  "이번 사업에는 모두 삼억 원의 예산이 들어간다.",
  "행사장 곳곳에는 자원봉사자들이 배치돼 방문객을 도왔다.",
  "아이들과 함께 나온 가족 단위 방문객이 특히 많았다.",
  "날씨가 추워지면서 난방비 부담을 걱정하는 목소리도 커지고 있다.",
  "학교 측은 학부모 설명회를 따로 열어 궁금증을 풀어줄 계획이다.",
  "지역 상인들은 매출이 조금씩 회복되고 있다고 전했다.",
] as const;

export const CHAT_SENTENCES = [
  "다들 어떻게 생각하시는지 궁금해서 글 올립니다.",
  "혹시 아시는 분 계시면 댓글 부탁드려요.",
  "저는 처음이라 잘 모르겠네요.",
  "지난번에 가 봤는데 생각보다 괜찮았어요.",
  "가격도 적당하고 사장님도 친절하세요.",
  "주말에는 사람이 많으니 일찍 가시는 게 좋아요.",
  "사진 몇 장 같이 올려 봅니다.",
  "좋은 하루 보내세요.",
] as const;

export const COMMENTS = [
  "좋은 정보 감사합니다.",
  "저도 가 보고 싶네요 ^^",
  "동감입니다.",
  "사진이 안 보여요 ㅠㅠ",
  "다음 소식도 기다릴게요.",
  "이런 행사가 더 많아졌으면 좋겠어요.",
  "우리 동네 이야기네요!",
  "자세한 설명 고맙습니다.",
  "저는 조금 생각이 다릅니다.",
  "주소 좀 알려주실 수 있나요?",
] as const;

export const OLD_COMMENTS = ["햏햏 반갑습니다", "뷁... 저도 그랬어요", "똠방 출석!", "옛날 생각 나네요"] as const;

export const FILE_NAMES = ["현장사진.jpg", "행사 포스터.png", "기념촬영.jpg", "안내문.hwp", "회의자료.pdf", "지도.png"] as const;
