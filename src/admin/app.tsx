import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * Admin panel customisation: editors work in Vietnamese by default, with English available.
 * Strapi ships the Vietnamese translation of its own screens; the strings here name the portal.
 */
export default {
  config: {
    locales: ['vi', 'en'],
    translations: {
      vi: {
        'app.components.LeftMenu.navbrand.title': 'Cổng TTĐT Bộ KH&CN',
        'app.components.LeftMenu.navbrand.workplace': 'Quản trị nội dung',
        'Auth.form.welcome.title': 'Cổng thông tin điện tử Bộ Khoa học và Công nghệ',
        'Auth.form.welcome.subtitle': 'Đăng nhập bằng tài khoản quản trị nội dung',
      },
      en: {
        'app.components.LeftMenu.navbrand.title': 'MOST portal',
        'app.components.LeftMenu.navbrand.workplace': 'Content management',
        'Auth.form.welcome.title': 'Web portal of the Ministry of Science and Technology',
        'Auth.form.welcome.subtitle': 'Log in with your content management account',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
