/**
 * Demo publications. The legal documents, the news item about the regulation and the reply to the
 * question restate Decision 400/QĐ-BKHCN of 19 March 2024; the event, the draft regulation and the member
 * portal are illustrative, as their summaries state.
 */
export const DECISION_400 = {
  documentNumber: '400/QĐ-BKHCN',
  documentForm: 'decision',
  isLegalNormative: false,
  issueDate: '2024-03-19',
  effectiveDate: '2024-03-19',
  validityStatus: 'in_force',
  signer: 'Huỳnh Thành Đạt',
  recipientsText:
    'Nơi nhận:\n- Như Điều 3;\n- Bộ trưởng và các Thứ trưởng;\n- Cổng thông tin điện tử Chính phủ;\n- Cổng thông tin điện tử Bộ KH&CN;\n- Lưu: VT, TTTT.',
  recipientsNamePortal: true,
  vi: {
    title:
      'Quyết định số 400/QĐ-BKHCN ngày 19/3/2024 của Bộ trưởng Bộ Khoa học và Công nghệ ban hành Quy chế quản lý, cung cấp thông tin trên Cổng thông tin điện tử Bộ Khoa học và Công nghệ',
    abstract:
      'Ban hành kèm theo Quyết định này Quy chế quản lý, cung cấp thông tin trên Cổng thông tin điện tử Bộ Khoa học và Công nghệ; Quyết định có hiệu lực kể từ ngày ký và thay thế Quyết định số 4033/QĐ-BKHCN ngày 28 tháng 12 năm 2018 của Bộ trưởng Bộ Khoa học và Công nghệ về việc ban hành Quy chế tổ chức quản lý, cung cấp thông tin cho Cổng thông tin điện tử Bộ Khoa học và Công nghệ.',
    issuingAuthority: 'Bộ Khoa học và Công nghệ',
    signerTitle: 'Bộ trưởng',
  },
  en: {
    title:
      'Decision No. 400/QĐ-BKHCN of 19 March 2024 of the Minister of Science and Technology promulgating the Regulation on managing and providing information on the web portal of the Ministry of Science and Technology',
    abstract:
      'Promulgates the Regulation on managing and providing information on the web portal of the Ministry of Science and Technology. The decision takes effect on signature and replaces Decision No. 4033/QĐ-BKHCN of 28 December 2018. The Vietnamese text is the official one; this English summary is for information.',
    issuingAuthority: 'Ministry of Science and Technology',
    signerTitle: 'Minister',
  },
};

export const DECISION_4033 = {
  documentNumber: '4033/QĐ-BKHCN',
  documentForm: 'decision',
  isLegalNormative: false,
  issueDate: '2018-12-28',
  validityStatus: 'replaced',
  vi: {
    title:
      'Quyết định số 4033/QĐ-BKHCN ngày 28/12/2018 của Bộ trưởng Bộ Khoa học và Công nghệ về việc ban hành Quy chế tổ chức quản lý, cung cấp thông tin cho Cổng thông tin điện tử Bộ Khoa học và Công nghệ',
    abstract: 'Quy chế tổ chức quản lý, cung cấp thông tin cho Cổng thông tin điện tử Bộ Khoa học và Công nghệ; đã được thay thế bởi Quyết định số 400/QĐ-BKHCN ngày 19/3/2024.',
    issuingAuthority: 'Bộ Khoa học và Công nghệ',
  },
  en: {
    title:
      'Decision No. 4033/QĐ-BKHCN of 28 December 2018 of the Minister of Science and Technology on the Regulation on organising the management and provision of information for the web portal of the Ministry',
    abstract: 'Replaced by Decision No. 400/QĐ-BKHCN of 19 March 2024.',
    issuingAuthority: 'Ministry of Science and Technology',
  },
};

export const ARTICLES = [
  {
    key: 'regulation-issued',
    category: 'news',
    unit: 'TTTT',
    section: 'news',
    subjectFields: ['digital-transformation'],
    vi: {
      title: 'Bộ Khoa học và Công nghệ ban hành Quy chế quản lý, cung cấp thông tin trên Cổng thông tin điện tử',
      summary:
        'Ngày 19/3/2024, Bộ trưởng Bộ Khoa học và Công nghệ ký Quyết định số 400/QĐ-BKHCN ban hành Quy chế quản lý, cung cấp thông tin trên Cổng thông tin điện tử của Bộ, thay thế Quy chế ban hành năm 2018.',
      body:
        'Quy chế quy định việc quản lý, cung cấp thông tin trên Cổng thông tin điện tử Bộ Khoa học và Công nghệ (https://www.most.gov.vn) và áp dụng đối với cán bộ, công chức, viên chức tham gia cung cấp, biên tập, đăng tải thông tin và quản trị vận hành Cổng thông tin.\n\n' +
        'Theo Quy chế, các đơn vị gửi tin, bài về sự kiện tới hộp thư stc@most.gov.vn và gửi văn bản tới hộp thư vb@most.gov.vn từ hộp thư công vụ của Bộ. Mỗi đơn vị có trách nhiệm cung cấp trung bình tối thiểu 02 tin, bài hoặc văn bản mỗi tháng.\n\n' +
        'Đối với sự kiện tổ chức trong 01 buổi, đơn vị gửi tin, bài không quá 12 giờ sau khi sự kiện kết thúc; Ban biên tập biên tập và đăng tải trong vòng 06 giờ đối với sự kiện nổi bật trong kế hoạch truyền thông của Bộ và 12 giờ đối với các sự kiện khác.',
      sourceName: 'Quyết định số 400/QĐ-BKHCN',
    },
    en: {
      title: 'Ministry of Science and Technology issues the regulation on information provided on its web portal',
      summary:
        'On 19 March 2024 the Minister of Science and Technology signed Decision No. 400/QĐ-BKHCN, which issues the regulation on managing and providing information on the ministry’s web portal and replaces the 2018 regulation.',
      body:
        'The regulation governs how information is managed and provided on the web portal of the Ministry of Science and Technology (https://www.most.gov.vn). It applies to the officials who provide, edit and publish information and to those who operate the portal.\n\n' +
        'Units send news and event coverage to stc@most.gov.vn and documents to vb@most.gov.vn from their ministry mail accounts. Each unit provides on average at least two items a month.\n\n' +
        'For an event held in one session, the unit sends its item within 12 hours after the event ends; the editorial board edits and publishes it within 6 hours for highlighted events of the ministry’s communication plan and within 12 hours for other events.',
      sourceName: 'Decision No. 400/QĐ-BKHCN',
    },
  },
  {
    key: 'focal-point-training',
    category: 'event',
    unit: 'TCCB',
    section: 'news',
    subjectFields: ['administrative-reform', 'digital-transformation'],
    event: {
      kind: 'single_session',
      chairedBy: 'unit_head',
      communicationsCentrePresent: true,
      highlightedInCommunicationPlan: false,
      location: '113 Trần Duy Hưng, Hà Nội',
      startsAt: '2024-04-16T01:00:00.000Z',
      endsAt: '2024-04-16T04:30:00.000Z',
    },
    vi: {
      title: 'Tập huấn cán bộ đầu mối các đơn vị về cung cấp thông tin cho Cổng thông tin điện tử',
      summary:
        'Dữ liệu minh họa: buổi tập huấn giới thiệu cho cán bộ đầu mối cách gửi tin, bài, văn bản và thời hạn cung cấp thông tin theo Quy chế ban hành kèm Quyết định số 400/QĐ-BKHCN.',
      body:
        'Buổi tập huấn do Vụ Tổ chức cán bộ chủ trì, phối hợp với Trung tâm Công nghệ thông tin và Trung tâm Nghiên cứu và Phát triển truyền thông khoa học và công nghệ, theo Điều 16 của Quy chế.\n\n' +
        'Các học viên được hướng dẫn gửi tin, bài tới hộp thư stc@most.gov.vn, gửi văn bản tới hộp thư vb@most.gov.vn, ghi rõ nguồn đối với thông tin khai thác từ nguồn khác và gửi văn bản khoa học và công nghệ kèm cả bản .pdf và .doc/.docx.',
    },
    en: {
      title: 'Training for the focal points of the units on providing information to the web portal',
      summary:
        'Demo data: a training session that shows focal points how to send news, documents and drafts, and the deadlines of the regulation issued with Decision No. 400/QĐ-BKHCN.',
      body:
        'The session is organised by the Department of Personnel and Organisation together with the IT Centre and the communications centre, as Article 16 of the regulation provides.\n\n' +
        'Participants learn to send news to stc@most.gov.vn and documents to vb@most.gov.vn, to state the source of information taken from elsewhere, and to send science and technology documents as both .pdf and .doc/.docx files.',
    },
  },
  {
    key: 'editorial-board-report',
    category: 'announcement',
    unit: 'TTTT',
    section: 'news',
    subjectFields: ['st-management'],
    vi: {
      title: 'Ban biên tập Cổng thông tin điện tử báo cáo định kỳ 6 tháng về hoạt động cung cấp thông tin',
      summary:
        'Dữ liệu minh họa: theo Điều 17 của Quy chế, định kỳ 6 tháng Ban biên tập báo cáo tình hình hoạt động, hiện trạng cung cấp thông tin và đề xuất các biện pháp nâng cao chất lượng Cổng thông tin.',
      body: 'Báo cáo 6 tháng và hằng năm được gửi Lãnh đạo Bộ, các thành viên Ban biên tập và thủ trưởng các đơn vị có liên quan.',
    },
    en: {
      title: 'The editorial board reports every six months on the provision of information to the portal',
      summary:
        'Demo data: under Article 17 of the regulation, the editorial board reports every six months on its activity, the state of information provision and its proposals for a better portal.',
      body: 'The six-month and annual reports go to the ministry leadership, the members of the board and the heads of the units concerned.',
    },
  },
];

export const DRAFT_REGULATION = {
  documentForm: 'circular',
  draftingUnit: 'PC',
  subjectFields: ['st-management'],
  commentEmail: 'gopyduthao@most.gov.vn',
  vi: {
    title: 'Dự thảo Thông tư hướng dẫn cung cấp thông tin khoa học và công nghệ trên cổng thông tin điện tử của các đơn vị thuộc Bộ',
    summary:
      'Dữ liệu minh họa: dự thảo Thông tư được đăng tải để lấy ý kiến rộng rãi của cơ quan, tổ chức, cá nhân. Ý kiến góp ý gửi về địa chỉ thư điện tử hoặc địa chỉ bưu chính nêu dưới đây trong thời gian lấy ý kiến.',
    commentPostalAddress: 'Vụ Pháp chế, Bộ Khoa học và Công nghệ, 113 Trần Duy Hưng, Hà Nội',
  },
  en: {
    title: 'Draft circular guiding the provision of science and technology information on the portals of the ministry’s units',
    summary:
      'Demo data: the draft circular is published for comment by organisations and individuals. Send comments to the email or postal address below while the comment window is open.',
    commentPostalAddress: 'Department of Legal Affairs, Ministry of Science and Technology, 113 Tran Duy Hung, Ha Noi',
  },
};

export const QUESTION = {
  kind: 'question',
  title: 'Đơn vị gửi tin, bài và văn bản để đăng trên Cổng thông tin điện tử của Bộ bằng cách nào?',
  askerName: 'Nguyễn Thị Minh',
  askerOrganization: 'Dữ liệu minh họa',
  askerEmail: 'nguoi-hoi@example.org',
  questionText:
    'Đơn vị chúng tôi mới được giao cử cán bộ đầu mối. Xin hỏi tin, bài về sự kiện và văn bản cần đăng trên Cổng thông tin được gửi tới đâu và theo hình thức nào?',
  answer:
    'Theo khoản 1 Điều 10 Quy chế ban hành kèm Quyết định số 400/QĐ-BKHCN, các đơn vị gửi thông tin từ hộp thư điện tử công vụ do Bộ cấp (...@most.gov.vn) hoặc bằng hình thức khác được đơn vị xác nhận. Tin, bài về sự kiện gửi tới hộp thư stc@most.gov.vn; văn bản gửi tới hộp thư vb@most.gov.vn.\n\n' +
    'Văn bản cần đăng tải phải ghi rõ tại mục Nơi nhận "Cổng thông tin điện tử của Bộ Khoa học và Công nghệ"; văn bản về khoa học và công nghệ gửi kèm bản mềm định dạng .pdf và .doc/.docx.',
  answeredBy: 'Ban biên tập Cổng thông tin điện tử',
  answeringUnit: 'TTTT',
  subjectField: 'administrative-reform',
};

export const MEMBER_PORTAL = {
  unit: 'SHTT',
  domain: 'shtt.most.gov.vn',
  ownDomain: 'ipvietnam.gov.vn',
  hosting: 'independent',
  portalStatus: 'active',
  vi: {
    name: 'Cổng thông tin điện tử Cục Sở hữu trí tuệ',
    description: 'Dữ liệu minh họa: cổng thông tin thành viên vận hành độc lập và liên kết với Cổng thông tin điện tử của Bộ.',
  },
  en: {
    name: 'Web portal of the Intellectual Property Office of Viet Nam',
    description: 'Demo data: a member portal that runs independently and is linked from the ministry’s portal.',
  },
};

export const FUNCTIONS_PAGE = {
  kind: 'functions_and_tasks',
  section: 'introduction',
  vi: {
    title: 'Chức năng, nhiệm vụ',
    summary:
      'Bộ Khoa học và Công nghệ là cơ quan của Chính phủ, thực hiện chức năng quản lý nhà nước về khoa học, công nghệ và đổi mới sáng tạo, theo Nghị định số 28/2023/NĐ-CP ngày 02/6/2023 của Chính phủ.',
  },
  en: {
    title: 'Functions and tasks',
    summary:
      'The Ministry of Science and Technology is a government body that manages science, technology and innovation, under Decree No. 28/2023/NĐ-CP of 2 June 2023.',
  },
};
